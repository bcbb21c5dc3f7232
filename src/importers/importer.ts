import type { Quad } from '@rdfjs/types';

/** Reads one kind of catalogue file (an RDF syntax, a patent table, a cloud API response) as RDF. */
export interface Importer {
  /** One line for `imagegraph convert --help`. */
  readonly description: string;
  /** The file's statements in imagegraph's vocabulary; bad input is an InputError naming the place. */
  read(path: string): Promise<Quad[]>;
}
