import type { Quad } from '@rdfjs/types';
import type { Request } from 'express';
import { InputError } from '../errors.ts';
import { findRdfFormat, rdfFormats } from '../rdf/formats.ts';
import { parseRdf } from '../rdf/parse.ts';
import { defaultGraphName, type GraphName, namedGraph } from '../store/store.ts';
import { bodyMediaType, requireMediaType } from './body.ts';
import { HttpError } from './http-error.ts';
import { requireIri } from './iri.ts';
import { multipartParts } from './multipart.ts';

/** The media types a Graph Store write body may have: every RDF syntax imagegraph reads. */
export const rdfBodyTypes = rdfFormats.map((f) => f.mediaType);

const badRequest = (detail: string) => new HttpError(400, detail, { type: 'bad-graph-request' });

/**
 * The graph a Graph Store request names: `?graph=IRI` or `?default`, exactly one. Undefined when it names
 * none and NONEALLOWED (POST to /store creates a graph).
 */
export function graphOfRequest(req: Request): GraphName;
export function graphOfRequest(req: Request, noneAllowed: true): GraphName | undefined;
export function graphOfRequest(req: Request, noneAllowed = false): GraphName | undefined {
  const url = new URL(req.originalUrl, 'http://localhost');
  const params = url.searchParams;
  if (req.path !== '/' && req.path !== '') {
    // Direct graph identification (§4.1): the request URL, without its query, is the graph's IRI.
    if (params.has('graph') || params.has('default')) {
      throw badRequest('a graph named by its own URL takes no ?graph= or ?default parameter');
    }
    return namedGraph(directGraphIri(req));
  }
  const named = params.getAll('graph');
  const count = named.length + (params.has('default') ? 1 : 0);
  if (count > 1) throw badRequest('name one graph: either ?graph=IRI or ?default, once');
  if (count === 0) {
    if (noneAllowed) return undefined;
    throw badRequest('name the graph: ?graph=IRI for a named graph, or ?default for the default graph');
  }
  return named[0] === undefined ? defaultGraphName : namedGraph(requireIri(named[0], 'graph'));
}

export const graphLabel = (graph: GraphName): string =>
  graph.kind === 'default' ? 'the default graph' : `the graph <${graph.iri}>`;

/** The media types a Graph Store POST may have: the RDF syntaxes, and multipart/form-data of them (§5.5). */
export const postBodyTypes = [...rdfBodyTypes, 'multipart/form-data'];

/**
 * The triples of the request body, parsed by its Content-Type (each part's, for multipart/form-data); 400
 * with the parser's line on bad syntax.
 */
export function bodyTriples(req: Request, graph: GraphName): Quad[] {
  const contentType = req.get('content-type') ?? '';
  const text = typeof req.body === 'string' ? req.body : '';
  if (bodyMediaType(contentType) === 'multipart/form-data') {
    return multipartParts(contentType, text).flatMap((part) => {
      requireMediaType(part.contentType, rdfBodyTypes, 'a part of the multipart body');
      return partTriples(part.contentType, part.text, graph);
    });
  }
  return partTriples(contentType, text, graph);
}

function partTriples(contentType: string, text: string, graph: GraphName): Quad[] {
  const format = findRdfFormat(bodyMediaType(contentType));
  if (!format) throw new Error('bodyTriples: the media type was not checked');
  const baseIri = graph.kind === 'named' ? graph.iri : undefined;
  let quads: Quad[];
  try {
    quads = parseRdf(text, format, { where: 'request body', ...(baseIri ? { baseIri } : {}) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.message, {
      where: 'request body',
      fix: `Correct the syntax at the place named, or send the body with the Content-Type of its real syntax`,
      cause: error,
    });
  }
  if (quads.some((q) => q.graph.termType !== 'DefaultGraph')) {
    throw badRequest(
      `the ${format.name} body names graphs, but a Graph Store write fills one graph (${graphLabel(graph)}): ` +
        'send its triples only, or use /sparql to write several graphs',
    );
  }
  return quads;
}

/** The IRI of the graph a direct Graph Store request names: the request's own URL, without its query. */
export const directGraphIri = (req: Request): string =>
  `${req.protocol}://${req.get('host')}${new URL(req.originalUrl, 'http://localhost').pathname}`;
