import type { Term } from '@rdfjs/types';
import { InputError } from '../errors.ts';
import type { GraphView } from '../rdf/graph.ts';
import { termKey } from '../rdf/terms.ts';
import { rdf, sh } from '../vocab.ts';

/** A SHACL property path (SHACL §2.3.1) as a small tree. */
export type Path =
  | { readonly kind: 'predicate'; readonly iri: string }
  | { readonly kind: 'sequence'; readonly steps: readonly Path[] }
  | { readonly kind: 'alternative'; readonly options: readonly Path[] }
  | { readonly kind: 'inverse'; readonly path: Path }
  | { readonly kind: 'zeroOrMore' | 'oneOrMore' | 'zeroOrOne'; readonly path: Path };

/** How to read the graph a path is written in. */
export type ObjectsOf = (subject: Term, predicate: string) => readonly Term[];

const repeat = {
  zeroOrMorePath: 'zeroOrMore',
  oneOrMorePath: 'oneOrMore',
  zeroOrOnePath: 'zeroOrOne',
} as const;

/** Reads an RDF list starting at HEAD. */
export function readList(objectsOf: ObjectsOf, head: Term): Term[] {
  const items: Term[] = [];
  let node = head;
  while (!(node.termType === 'NamedNode' && node.value === rdf('nil'))) {
    const first = objectsOf(node, rdf('first'))[0];
    const rest = objectsOf(node, rdf('rest'))[0];
    if (!first || !rest) throw new InputError(`malformed RDF list at ${termKey(node)}`);
    items.push(first);
    node = rest;
  }
  return items;
}

/** Parses the path whose node is TERM. */
export function readPath(objectsOf: ObjectsOf, term: Term): Path {
  if (term.termType === 'NamedNode') return { kind: 'predicate', iri: term.value };
  if (objectsOf(term, rdf('first')).length > 0) {
    return { kind: 'sequence', steps: readList(objectsOf, term).map((t) => readPath(objectsOf, t)) };
  }
  const alternatives = objectsOf(term, sh('alternativePath'))[0];
  if (alternatives) {
    return {
      kind: 'alternative',
      options: readList(objectsOf, alternatives).map((t) => readPath(objectsOf, t)),
    };
  }
  const inverse = objectsOf(term, sh('inversePath'))[0];
  if (inverse) return { kind: 'inverse', path: readPath(objectsOf, inverse) };
  for (const [local, kind] of Object.entries(repeat)) {
    const inner = objectsOf(term, sh(local))[0];
    if (inner) return { kind, path: readPath(objectsOf, inner) };
  }
  throw new InputError(`${termKey(term)} is not a SHACL property path`, {
    fix: 'Use an IRI, an RDF list (sequence), or a node with sh:alternativePath, sh:inversePath or sh:*Path.',
  });
}

const modifiers = { zeroOrMore: '*', oneOrMore: '+', zeroOrOne: '?' } as const;

/** The path in SPARQL property-path syntax, e.g. `^<a>/<b>*`. */
export function pathToSparql(path: Path): string {
  switch (path.kind) {
    case 'predicate':
      return `<${path.iri}>`;
    case 'sequence':
      return `(${path.steps.map(pathToSparql).join('/')})`;
    case 'alternative':
      return `(${path.options.map(pathToSparql).join('|')})`;
    case 'inverse':
      return `^${pathToSparql(path.path)}`;
    default:
      return `${pathToSparql(path.path)}${modifiers[path.kind]}`;
  }
}

/** The nodes reached from FOCUS along PATH in GRAPH, without duplicates. */
export function evaluatePath(graph: GraphView, path: Path, focus: Term): Term[] {
  if (path.kind === 'predicate') return graph.objects(focus, path.iri) as Term[];
  return [...step(graph, path, [focus]).values()];
}

function step(graph: GraphView, path: Path, input: Iterable<Term>): Map<string, Term> {
  const from = Array.isArray(input) ? (input as Term[]) : [...input];
  const out = new Map<string, Term>();
  const add = (terms: Iterable<Term>) => {
    for (const t of terms) out.set(termKey(t), t);
  };
  switch (path.kind) {
    case 'predicate':
      for (const f of from) add(graph.objects(f, path.iri));
      return out;
    case 'inverse':
      if (path.path.kind === 'predicate') {
        for (const f of from) add(graph.subjects(path.path.iri, f));
        return out;
      }
      return inverseOf(graph, path.path, from);
    case 'sequence': {
      let current: Iterable<Term> = from;
      for (const s of path.steps) current = step(graph, s, current).values();
      add(current);
      return out;
    }
    case 'alternative':
      for (const option of path.options) add(step(graph, option, from).values());
      return out;
    default: {
      if (path.kind !== 'oneOrMore') add(from);
      if (path.kind === 'zeroOrOne') {
        add(step(graph, path.path, from).values());
        return out;
      }
      const reached = new Map<string, Term>();
      let frontier = [...step(graph, path.path, from).values()];
      while (frontier.length > 0) {
        const fresh: Term[] = [];
        for (const t of frontier) {
          const key = termKey(t);
          if (reached.has(key)) continue;
          reached.set(key, t);
          fresh.push(t);
        }
        frontier = fresh.length > 0 ? [...step(graph, path.path, fresh).values()] : [];
      }
      add(reached.values());
      return out;
    }
  }
}

/** ^(complex path): evaluated by reversing the path's structure. */
function inverseOf(graph: GraphView, path: Path, from: Iterable<Term>): Map<string, Term> {
  return step(graph, reverse(path), from);
}

function reverse(path: Path): Path {
  switch (path.kind) {
    case 'predicate':
      return { kind: 'inverse', path };
    case 'inverse':
      return path.path;
    case 'sequence':
      return { kind: 'sequence', steps: [...path.steps].reverse().map(reverse) };
    case 'alternative':
      return { kind: 'alternative', options: path.options.map(reverse) };
    default:
      return { kind: path.kind, path: reverse(path.path) };
  }
}
