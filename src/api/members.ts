import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { literal, namedNode } from '../rdf/terms.ts';
import { type BindExtra, type Bindings, bindQuery, loadNamedQuery } from '../sparql/bind.ts';
import type { Store, WriteResult } from '../store/store.ts';
import type { Cursor } from './cursor.ts';
import type { ApiResource } from './schema.ts';

/** Limits the API's store calls run under. */
export interface MemberLimits {
  readonly timeoutMs: number;
  readonly maxResultBytes: number;
}

/** What a list request asks for, checked (list-request.ts). */
export interface ListRequest {
  /** Filter slots: the property IRI and its accepted values (one or more). */
  readonly filters: readonly { readonly property: string; readonly values: readonly Term[] }[];
  /** The property the list is ordered by; none: by the members' IRIs. */
  readonly sortBy?: string | undefined;
  readonly descending: boolean;
  readonly after?: Cursor | undefined;
  readonly limit: number;
}

export const FILTER_SLOTS = 8;

/**
 * The REST API's access to the store: every SPARQL it runs is a named query of queries/api/, with the
 * request's values bound as terms by bindQuery (sparql/bind.ts). It reads and writes the default graph.
 */
export class Members {
  private readonly store: Store;
  private readonly limits: MemberLimits;

  constructor(store: Store, limits: MemberLimits) {
    this.store = store;
    this.limits = limits;
  }

  /** The statements of the members ITEMS (IRIs), in one query. */
  async statements(items: readonly string[]): Promise<Quad[]> {
    if (items.length === 0) return [];
    const text = await this.bound('api/member', { item: items.map((i) => namedNode(i)) });
    const result = await this.store.query(text, { ...this.queryOptions, format: 'application/n-triples' });
    return new Parser({ format: 'N-Triples' }).parse(result.body) as Quad[];
  }

  /** The IRIs and sort keys of one page of RESOURCE, plus one more when another page follows. */
  async page(resource: ApiResource, request: ListRequest): Promise<{ item: string; key: string }[]> {
    const bindings: Record<string, Term | Term[]> = {
      type: [resource.class, ...resource.types].map((t) => namedNode(t)),
    };
    if (request.sortBy) bindings.sortBy = namedNode(request.sortBy);
    const omit: string[] = [];
    for (let slot = 1; slot <= FILTER_SLOTS; slot++) {
      const filter = request.filters[slot - 1];
      if (!filter) {
        omit.push(`f${slot}`);
        continue;
      }
      bindings[`f${slot}`] = namedNode(filter.property);
      bindings[`v${slot}`] = [...filter.values];
    }
    if (request.after) {
      bindings.afterKey = literal(request.after.key);
      bindings.afterItem = literal(request.after.item);
    }
    const name = !request.sortBy
      ? 'api/list-by-iri'
      : request.descending
        ? 'api/list-descending'
        : 'api/list';
    const text = await this.bound(name, bindings, { limit: request.limit + 1, omit });
    return (await this.select(text)).map((row) => ({ item: row.item!, key: row.key! }));
  }

  /** Up to LIMIT statements of others that refer to the members ITEMS: (referrer, property, item) IRIs. */
  async referrers(
    items: readonly string[],
    limit: number,
  ): Promise<{ referrer: string; property: string; item: string }[]> {
    const text = await this.bound('api/referrers', { item: items.map((i) => namedNode(i)) }, { limit });
    return (await this.select(text)).map((r) => ({
      referrer: r.referrer!,
      property: r.property!,
      item: r.item!,
    }));
  }

  /** Removes the statements REMOVED and adds ADDED, as one validated, durable write. */
  async replace(removed: readonly Quad[], added: readonly Quad[]): Promise<WriteResult> {
    const rows = (quads: readonly Quad[]) => quads.map((q) => [q.subject, q.predicate, q.object]);
    const tables = [
      { variables: ['oldS', 'oldP', 'oldO'], rows: rows(removed) },
      { variables: ['s', 'p', 'o'], rows: rows(added) },
    ];
    const text = await this.bound('api/replace', {}, { tables });
    return this.store.update(text, { timeoutMs: this.limits.timeoutMs });
  }

  /** Deletes the members ITEMS and every statement referring to them, as one write. */
  async delete(items: readonly string[]): Promise<WriteResult> {
    const text = await this.bound('api/delete', { item: items.map((i) => namedNode(i)) });
    return this.store.update(text, { timeoutMs: this.limits.timeoutMs });
  }

  /** The solutions of the SELECT query TEXT: variable name → the value of its term. */
  private async select(text: string): Promise<Record<string, string>[]> {
    const result = await this.store.query(text, {
      ...this.queryOptions,
      format: 'application/sparql-results+json',
    });
    const { bindings } = (
      JSON.parse(result.body) as { results: { bindings: Record<string, { value: string }>[] } }
    ).results;
    return bindings.map((row) =>
      Object.fromEntries(Object.entries(row).map(([name, term]) => [name, term.value])),
    );
  }

  private get queryOptions() {
    return { ...this.limits, unionDefaultGraph: false };
  }

  private async bound(name: string, bindings: Bindings, extra?: BindExtra): Promise<string> {
    return bindQuery(await loadNamedQuery(name), bindings, extra);
  }
}
