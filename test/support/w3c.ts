import { join, resolve } from 'node:path';
import { paths } from '../../src/paths.ts';

/** The offline copy of the W3C rdf-tests repository: ../shared/w3c-rdf-tests, or $W3C_RDF_TESTS. */
export const w3cTests = resolve(process.env.W3C_RDF_TESTS ?? join(paths.root, '../shared/w3c-rdf-tests'));
