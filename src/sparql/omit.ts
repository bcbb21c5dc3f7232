import type { Pattern, Query } from 'sparqljs';

type Node = {
  type?: string;
  triples?: { subject: unknown; predicate: unknown; object: unknown }[];
  patterns?: Node[];
};

const isVariableIn = (term: unknown, names: ReadonlySet<string>): boolean =>
  (term as { termType?: string }).termType === 'Variable' && names.has((term as { value: string }).value);

function omitIn(patterns: Node[], names: ReadonlySet<string>): void {
  for (const pattern of patterns) {
    if (pattern.triples) {
      pattern.triples = pattern.triples.filter(
        (t) =>
          !isVariableIn(t.subject, names) &&
          !isVariableIn(t.predicate, names) &&
          !isVariableIn(t.object, names),
      );
    }
    if (pattern.patterns) omitIn(pattern.patterns, names);
  }
}

/**
 * Removes from the query's WHERE clause every triple pattern that names one of the variables NAMES: a named
 * query's optional slots (a filter the request does not use) go away instead of costing a join. Only
 * patterns are removed; nothing of the client's enters the text this way.
 */
export function omitPatterns(ast: Query, names: readonly string[]): void {
  if (names.length > 0) omitIn((ast.where ?? []) as Pattern[] as Node[], new Set(names));
}

const asTerm = (term: unknown, names: ReadonlyMap<string, unknown>): unknown =>
  (term as { termType?: string }).termType === 'Variable'
    ? (names.get((term as { value: string }).value) ?? term)
    : term;

function substituteIn(patterns: Node[], values: ReadonlyMap<string, unknown>): void {
  for (const pattern of patterns) {
    // Mandatory patterns only: in an OPTIONAL, a MINUS or a UNION branch a constant would not mean the same.
    if (pattern.type === 'bgp' && pattern.triples) {
      pattern.triples = pattern.triples.map((t) => ({
        ...t,
        subject: asTerm(t.subject, values),
        predicate: asTerm(t.predicate, values),
        object: asTerm(t.object, values),
      }));
    }
  }
}

/**
 * Writes each variable of VALUES (name → one checked term) into the triple patterns of the query's WHERE
 * clause that name it (its top-level basic graph patterns, where that is exactly a join with the value), beside the VALUES block that still binds it everywhere else: the same solutions, but
 * the store looks the constant up in its indexes instead of joining a whole scan with the VALUES block.
 */
export function substituteSingles(ast: Query, values: ReadonlyMap<string, unknown>): void {
  if (values.size > 0) substituteIn((ast.where ?? []) as Pattern[] as Node[], values);
}
