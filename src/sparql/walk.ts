/**
 * A generic walk over a sparqljs syntax tree. The tree is plain data (objects, arrays, RDF/JS terms), so one
 * walk finds every node of a kind wherever the grammar lets it nest: group patterns, OPTIONAL, UNION, MINUS,
 * GRAPH, sub-queries and the patterns of EXISTS / NOT EXISTS inside filter expressions.
 */
type Visit = (node: Record<string, unknown>) => boolean | undefined;

/** Calls VISIT on every object of the tree, depth first; stops at the first VISIT that returns true. */
export function someNode(tree: unknown, visit: Visit): boolean {
  if (Array.isArray(tree)) return tree.some((item) => someNode(item, visit));
  if (tree === null || typeof tree !== 'object') return false;
  const node = tree as Record<string, unknown>;
  if (visit(node)) return true;
  // Terms are leaves (a literal's datatype is a term too): nothing to find below them.
  if (typeof node.termType === 'string') return false;
  return Object.values(node).some((child) => someNode(child, visit));
}

/** The names of the variables the tree mentions anywhere, without '?'. */
export function variablesOf(tree: unknown): Set<string> {
  const names = new Set<string>();
  someNode(tree, (node) => {
    if (node.termType === 'Variable') names.add(String(node.value));
    return false;
  });
  return names;
}
