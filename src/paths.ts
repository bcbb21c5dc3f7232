import { fileURLToPath } from 'node:url';

/** The project's data folders, found from this file so that any working directory works. */
const root = new URL('../', import.meta.url);
const dir = (name: string): string => fileURLToPath(new URL(`${name}/`, root));

export const paths = {
  root: fileURLToPath(root),
  ontology: dir('ontology'),
  shapes: dir('shapes'),
  queries: dir('queries'),
  data: dir('data'),
} as const;
