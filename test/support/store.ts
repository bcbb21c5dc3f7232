import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as oxigraph from 'oxigraph';
import { readRdfFile } from '../../src/rdf/parse.ts';
import { type CoreOptions, EmbeddedCore } from '../../src/store/core.ts';

/** A fresh, empty temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'imagegraph-store-'));

/** A primary EmbeddedCore on DIR, not validating unless told. */
export const openPrimary = (dir: string, options: Partial<CoreOptions> = {}): Promise<EmbeddedCore> =>
  EmbeddedCore.open(dir, { role: 'primary', validate: false, ...options });

/** The sorted N-Quads lines of the core's user-writable dataset: what restarts must give back exactly. */
export function datasetOf(core: EmbeddedCore): string[] {
  const chunks: Buffer[] = [];
  core.exportNQuads((chunk) => chunks.push(chunk));
  return sortedLines(Buffer.concat(chunks).toString('utf8'));
}

/** The sorted N-Quads lines of a whole Oxigraph store. */
export const storeLines = (store: oxigraph.Store): string[] =>
  sortedLines(store.dump({ format: 'application/n-quads' }));

const sortedLines = (text: string): string[] => text.split('\n').filter(Boolean).sort();

/** Every file of DIR with its content: to check that something left a directory alone. */
export const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'latin1')]));

/** A copy of DIR in a new temporary directory. */
export function copyDir(dir: string): string {
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The patent's FIG. 4 and FIG. 5 catalogue: valid against shapes/. */
export const patentCatalogue = () => readRdfFile('data/patent.ttl');
