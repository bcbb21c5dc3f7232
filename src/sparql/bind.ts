import type { Term } from '@rdfjs/types';
import type { Pattern, Query, Update, ValuePatternRow } from 'sparqljs';
import { InputError } from '../errors.ts';
import { namedQuery } from '../model/queries.ts';
import { checkTerm, variableName } from './bind-terms.ts';
import { generateSparql } from './generate.ts';
import { omitPatterns, substituteSingles } from './omit.ts';
import { parseSparql } from './parse.ts';
import { variablesOf } from './walk.ts';

/** Client values for a named query: variable name (without '?') → one term, or a list of terms (several rows). */
export type Bindings = Readonly<Record<string, Term | readonly Term[]>>;

const queryName = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** The text of the named query queries/NAME.rq (e.g. 'align/apply-alignment'); NAME is checked, not a path. */
export function loadNamedQuery(name: string): Promise<string> {
  if (!queryName.test(name)) {
    return Promise.reject(
      new InputError(`'${name}' is not the name of a query`, {
        fix: 'Name a file of queries/ without its .rq extension, e.g. align/apply-alignment.',
      }),
    );
  }
  return namedQuery(name);
}

/**
 * The ONE place where client values enter SPARQL. Parses TEXT (a named query or update), adds the bindings as
 * a VALUES block at the start of the WHERE group (of the query, or of each DELETE/INSERT … WHERE operation
 * that uses one of the variables) and writes the text back out with sparqljs's Generator (generate.ts), which
 * escapes literals. A list of terms gives one row per term; several variables give every combination of their values
 * (an empty list gives no rows: nothing matches). IRIs, language tags and datatypes are checked (bind-terms.ts),
 * so a value can never end a term and start SPARQL of its own: it stays exactly one term.
 */
export function bindQuery(text: string, bindings: Bindings, extra: BindExtra = {}): string {
  const ast = parseSparql(text);
  const values = new Map(Object.entries(bindings).map(([name, value]) => [name, checked(name, value)]));
  const used = variablesOf(ast);
  const tableNames = (extra.tables ?? []).flatMap((t) => t.variables);
  for (const name of [...values.keys(), ...tableNames]) {
    if (!used.has(name)) {
      throw new InputError(`the query has no variable ?${name} to bind`, {
        fix: `Bind only variables the query uses: ${[...used].map((v) => `?${v}`).join(', ') || 'it has none'}.`,
      });
    }
  }
  if (extra.omit) {
    if (ast.type !== 'query') throw new Error('patterns can be omitted from queries only');
    omitPatterns(ast, extra.omit);
  }
  if (ast.type === 'query') {
    const singles = [...values].filter(([, terms]) => terms.length === 1).map(([n, [t]]) => [n, t] as const);
    substituteSingles(ast, new Map(singles));
  }
  bindInto(ast, values);
  for (const table of extra.tables ?? []) bindTable(ast, table);
  if (extra.limit !== undefined) {
    if (ast.type !== 'query' || !Number.isSafeInteger(extra.limit) || extra.limit < 0) {
      throw new Error(`a LIMIT of ${extra.limit} cannot be set on this ${ast.type}`);
    }
    (ast as { limit?: number }).limit = extra.limit;
  }
  return generateSparql(ast);
}

/** Rows of values for several variables at once (a VALUES table), e.g. the statements to insert. */
export interface BindTable {
  readonly variables: readonly string[];
  readonly rows: readonly (readonly Term[])[];
}

/** What bindQuery binds besides single values and lists. */
export interface BindExtra {
  /** Tables, each bound where all its variables are used. */
  readonly tables?: readonly BindTable[];
  /** Variables whose triple patterns are removed (omit.ts): the optional slots a request leaves empty. */
  readonly omit?: readonly string[];
  /** The query's LIMIT, a non-negative integer (it replaces the query's own). */
  readonly limit?: number;
}

/** Adds TABLE as a VALUES block to the query, or to each update operation that uses all its variables. */
function bindTable(ast: Query | Update, table: BindTable): void {
  const rows = table.rows.map((row) => {
    if (row.length !== table.variables.length) throw new Error('a VALUES row of the wrong length');
    return Object.fromEntries(
      table.variables.map((name, i) => [`?${name}`, checkTerm(row[i]!, name)]),
    ) as ValuePatternRow;
  });
  const block: Pattern = { type: 'values', values: rows };
  if (ast.type === 'query') {
    ast.where = [block, ...(ast.where ?? [])];
    return;
  }
  for (const op of ast.updates) {
    if (!('updateType' in op) || op.updateType !== 'insertdelete') continue;
    const used = variablesOf(op);
    if (table.variables.every((name) => used.has(name))) op.where = [block, ...(op.where ?? [])];
  }
}

type Checked = Map<string, readonly Term[]>;

function checked(name: string, value: Term | readonly Term[]): readonly Term[] {
  if (!variableName.test(name)) {
    throw new InputError(`'${name.slice(0, 40)}' is not a variable name`, {
      fix: 'Name the variable as the query writes it, without the ?, e.g. image.',
    });
  }
  const list: readonly Term[] = Array.isArray(value) ? value : [value as Term];
  return list.map((term) => checkTerm(term, name));
}

/** Every combination of the values of NAMES, as VALUES rows. */
function rows(values: Checked, names: readonly string[]): ValuePatternRow[] {
  return names.reduce<ValuePatternRow[]>(
    (partial, name) =>
      partial.flatMap((row) =>
        (values.get(name) ?? []).map((term) => ({ ...row, [`?${name}`]: term }) as ValuePatternRow),
      ),
    [{}],
  );
}

/**
 * WHERE with a VALUES block for each of NAMES in front: one block per variable, which joins to the same
 * solutions as one block of every combination, in text that grows with the values, not with their product.
 */
const withValues = (where: Pattern[] | undefined, values: Checked, names: readonly string[]): Pattern[] => [
  ...names.map((name): Pattern => ({ type: 'values', values: rows(values, [name]) })),
  ...(where ?? []),
];

/** Adds the VALUES blocks to the query, or to each update operation with a WHERE clause that uses them. */
function bindInto(ast: Query | Update, values: Checked): void {
  if (ast.type === 'query') {
    ast.where = withValues(ast.where, values, [...values.keys()]);
    return;
  }
  for (const op of ast.updates) {
    if (!('updateType' in op) || op.updateType !== 'insertdelete') continue;
    const used = variablesOf(op);
    op.where = withValues(
      op.where,
      values,
      [...values.keys()].filter((name) => used.has(name)),
    );
  }
}
