import type { Quad, Term } from '@rdfjs/types';
import { blankNode, namedNode, triple } from '../rdf/terms.ts';
import { rdf, sh } from '../vocab.ts';
import type { Path } from './path.ts';

const repeatPredicates = {
  zeroOrMore: 'zeroOrMorePath',
  oneOrMore: 'oneOrMorePath',
  zeroOrOne: 'zeroOrOnePath',
};

/** Writes PATH as SHACL path RDF into OUT; returns the path's node. */
export function pathToRdf(path: Path, out: Quad[]): Term {
  if (path.kind === 'predicate') return namedNode(path.iri);
  if (path.kind === 'sequence')
    return listToRdf(
      path.steps.map((s) => pathToRdf(s, out)),
      out,
    );
  const node = blankNode();
  if (path.kind === 'alternative') {
    out.push(
      triple(
        node,
        sh('alternativePath'),
        listToRdf(
          path.options.map((o) => pathToRdf(o, out)),
          out,
        ),
      ),
    );
  } else if (path.kind === 'inverse') {
    out.push(triple(node, sh('inversePath'), pathToRdf(path.path, out)));
  } else {
    out.push(triple(node, sh(repeatPredicates[path.kind]), pathToRdf(path.path, out)));
  }
  return node;
}

/** Writes an RDF list of ITEMS into OUT; returns its head. */
export function listToRdf(items: readonly Term[], out: Quad[]): Term {
  let head: Term = namedNode(rdf('nil'));
  for (const item of [...items].reverse()) {
    const cell = blankNode();
    out.push(triple(cell, rdf('first'), item), triple(cell, rdf('rest'), head));
    head = cell;
  }
  return head;
}
