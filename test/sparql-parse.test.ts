import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { parseSparqlQuery, parseSparqlUpdate } from '../src/sparql/parse.ts';

const caught = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('parseSparqlQuery', () => {
  it.each([
    ['SELECT * WHERE { ?s ?p ?o }', 'select'],
    ['ASK { ?s ?p ?o }', 'ask'],
    ['CONSTRUCT WHERE { ?s ?p ?o }', 'construct'],
    ['DESCRIBE <http://example.org/x>', 'describe'],
  ])('%s is a %s query', (text, form) => {
    expect(parseSparqlQuery(text).form).toBe(form);
  });

  it.each([
    ['SELECT * WHERE { ?s ?p }', "invalid SPARQL query: unexpected '}' at line 1, column 24"],
    [
      'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }',
      "invalid SPARQL query: unexpected ')' at line 3, column 15",
    ],
    ['SELECT * WHERE { ?s ?p ?o', 'invalid SPARQL query: unexpected end of the text at line 1, column 26'],
    [
      'SELECT ?x\nWHERE { ?x ?p ?o } ORDER',
      'invalid SPARQL query: unexpected end of the text at line 2, column 25',
    ],
    [
      'SELECT * { <relative> ?p ?o }',
      'invalid SPARQL query: Cannot resolve relative IRI relative because no base IRI was set',
    ],
    [
      'SELECT * # a comment with } in it\n  WHERE { ?s ?p }',
      "invalid SPARQL query: unexpected '}' at line 2, column 17",
    ],
  ])('%j: %s', (text, message) => {
    const error = caught(() => parseSparqlQuery(text));
    expect(error.message).toBe(message);
    expect(error.fix).toBeTruthy();
  });

  it('names what the grammar expected in the fix', () => {
    expect(caught(() => parseSparqlQuery('SELECT * WHERE { ?s ?p }')).fix).toMatch(
      /^Expected an IRI in <>, .*a variable/,
    );
  });

  it('resolves relative IRIs against the base it is given', () => {
    const { ast } = parseSparqlQuery('SELECT * { <x> ?p ?o }', { baseIri: 'http://example.org/' });
    expect(JSON.stringify(ast)).toContain('http://example.org/x');
  });

  it.each([
    'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }',
    'SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?q ?v } } }',
    'ASK { ?s ?p ?o FILTER NOT EXISTS { SERVICE ?endpoint { ?s ?p ?o } } }',
    'SELECT * { { SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }',
  ])('refuses SERVICE anywhere: %s', (text) => {
    const error = caught(() => parseSparqlQuery(text));
    expect(error.message).toBe(
      'SERVICE is not supported: imagegraph does not federate queries through its endpoint',
    );
  });

  it('refuses an update', () => {
    expect(caught(() => parseSparqlQuery('CLEAR ALL')).message).toBe(
      'expected a SPARQL query but found an update',
    );
  });
});

describe('parseSparqlUpdate', () => {
  it.each([
    ['LOAD <http://example.org/data.ttl>', 1],
    ['LOAD SILENT <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>', 1],
    [
      'INSERT DATA { <http://example.org/s> <http://example.org/p> 1 } ; LOAD <http://example.org/data.ttl>',
      2,
    ],
  ])('refuses LOAD: %s', (text, operation) => {
    const error = caught(() => parseSparqlUpdate(text));
    expect(error.message).toBe(
      `LOAD is not supported (operation ${operation}): imagegraph never fetches remote data`,
    );
    expect(error.fix).toMatch(/INSERT DATA or the Graph Store Protocol/);
  });

  it.each([
    'INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }',
    'DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }',
  ])('refuses SERVICE: %s', (text) => {
    expect(caught(() => parseSparqlUpdate(text)).message).toMatch(/^SERVICE is not supported/);
  });

  it.each([
    [
      'INSERT DATA { <http://a> <http://b> "x }',
      "invalid SPARQL update: unexpected '\"' at line 1, column 37",
    ],
    ['CLEAR GRAPH', 'invalid SPARQL update: unexpected end of the text at line 1, column 12'],
    ['INSERT DATA { <http://a> <http://b> ?o }', 'invalid SPARQL update: Detected illegal variable in BGP'],
    [
      'DELETE DATA { _:b <http://b> <http://c> }',
      'invalid SPARQL update: Detected illegal blank node in BGP',
    ],
  ])('%j: %s', (text, message) => {
    expect(caught(() => parseSparqlUpdate(text)).message).toBe(message);
  });

  it('refuses a query', () => {
    expect(caught(() => parseSparqlUpdate('ASK {}')).message).toBe(
      'expected a SPARQL update but found a query',
    );
  });

  it('names the text it parses in the error', () => {
    expect(caught(() => parseSparqlUpdate('CLEAR', { where: 'request body' })).describe()).toMatch(
      /^request body: /,
    );
  });
});
