import { Generator, type SparqlQuery } from 'sparqljs';
import { someNode } from './walk.ts';

/**
 * SPARQL text from a sparqljs syntax tree: the one place imagegraph writes SPARQL (the WHERE clauses of
 * updates, bound named queries). sparqljs's Generator escapes every term. It writes several HAVING conditions
 * as one invalid group, so they are joined with && first: HAVING c1 c2 keeps the groups for which each
 * condition is true, which is what c1 && c2 keeps. No indentation: the Generator indents with a multiline
 * regular expression, which also breaks lines at U+2028 and U+2029 — inside string literals too, changing
 * them. The tree is changed in place.
 */
export function generateSparql(ast: SparqlQuery): string {
  someNode(ast, (node) => {
    const having = node.having as unknown[] | undefined;
    if (Array.isArray(having) && having.length > 1) {
      node.having = [
        having.reduce((all, condition) => ({ type: 'operation', operator: '&&', args: [all, condition] })),
      ];
    }
    return false;
  });
  return new Generator({ indent: '' }).stringify(ast);
}
