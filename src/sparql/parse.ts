import { Parser, type Query, type Update } from 'sparqljs';
import { InputError } from '../errors.ts';
import type { QueryForm } from '../store/store.ts';
import { syntaxError } from './syntax-error.ts';
import { someNode } from './walk.ts';

export interface ParseOptions {
  /** The base IRI relative IRIs resolve against; without one, relative IRIs are an error. */
  readonly baseIri?: string;
  /** Names the text in error messages, e.g. 'request body' or a file path. */
  readonly where?: string;
}

export interface ParsedQuery {
  readonly form: QueryForm;
  readonly ast: Query;
}

const forms: Record<Query['queryType'], QueryForm> = {
  SELECT: 'select',
  ASK: 'ask',
  CONSTRUCT: 'construct',
  DESCRIBE: 'describe',
};

/** Parses a SPARQL 1.1 query; an update, a syntax error or a SERVICE clause is an InputError. */
export function parseSparqlQuery(text: string, options: ParseOptions = {}): ParsedQuery {
  const ast = parseSparql(text, options, 'query');
  if (ast.type !== 'query') {
    throw new InputError('expected a SPARQL query but found an update', {
      where: options.where,
      fix: 'Send updates (INSERT, DELETE, DROP, …) to the update endpoint, as the SPARQL Protocol says.',
    });
  }
  return { form: forms[ast.queryType], ast };
}

/** Parses a SPARQL 1.1 update; a query, a syntax error, LOAD or SERVICE is an InputError. */
export function parseSparqlUpdate(text: string, options: ParseOptions = {}): Update {
  const ast = parseSparql(text, options, 'update');
  if (ast.type !== 'update') {
    throw new InputError('expected a SPARQL update but found a query', {
      where: options.where,
      fix: 'Send queries (SELECT, ASK, CONSTRUCT, DESCRIBE) to the query endpoint, as the SPARQL Protocol says.',
    });
  }
  const load = ast.updates.findIndex((operation) => 'type' in operation && operation.type === 'load');
  if (load >= 0) {
    throw new InputError(
      `LOAD is not supported (operation ${load + 1}): imagegraph never fetches remote data`,
      {
        where: options.where,
        fix: 'Fetch the document yourself and send its triples with INSERT DATA or the Graph Store Protocol.',
      },
    );
  }
  return ast;
}

/** Parses a query or an update (named queries may be either); syntax errors and SERVICE are InputErrors. */
export function parseSparql(
  text: string,
  options: ParseOptions = {},
  kind: 'query' | 'update' = 'query',
): Query | Update {
  let ast: Query | Update;
  try {
    ast = new Parser({ baseIRI: options.baseIri, sparqlStar: false }).parse(text) as Query | Update;
  } catch (error) {
    throw syntaxError(error, text, kind, options.where);
  }
  if (someNode(ast, (node) => node.type === 'service')) {
    throw new InputError(
      `SERVICE is not supported: imagegraph does not federate queries through its endpoint`,
      {
        where: options.where,
        fix: 'Query the remote endpoint yourself, or load its data into imagegraph first.',
      },
    );
  }
  return ast;
}
