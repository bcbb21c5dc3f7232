import { InputError } from '../errors.ts';

/** What sparqljs's generated (jison) parser attaches to the errors it throws. */
interface JisonHash {
  readonly text?: string;
  readonly token?: string | number | null;
  readonly line?: number;
  /** Where the last token the parser accepted ends (line from 1, column from 0). */
  readonly loc?: { readonly last_line: number; readonly last_column: number };
  readonly expected?: readonly string[];
}

/** Grammar token names as a reader knows them. */
const tokenNames: Record<string, string> = {
  IRIREF: 'an IRI in <>',
  PNAME_NS: 'a prefix',
  PNAME_LN: 'a prefixed name',
  VAR: 'a variable',
  EOF: 'the end of the text',
  STRING_LITERAL1: 'a string',
  STRING_LITERAL2: 'a string',
  INTEGER: 'a number',
  BLANK_NODE_LABEL: 'a blank node',
};

const readable = (token: string): string => {
  const bare = token.replace(/^'|'$/g, '');
  return tokenNames[bare] ?? `'${bare}'`;
};

/** The few tokens worth naming in a hint: distinct, readable, at most six. */
function expectedTokens(expected: readonly string[] | undefined): string {
  const names = [...new Set((expected ?? []).map(readable))];
  const shown = names.slice(0, 6).join(', ');
  return names.length > 6 ? `${shown}, …` : shown;
}

interface Position {
  readonly line: number;
  readonly column?: number;
}

const skipSpaceAndComments = /(?:\s|#[^\n]*)*/y;

/**
 * Where the offending token starts (line and column from 1). jison reports the location of the last token it
 * accepted, so the offending one is the first thing after it that is neither space nor a comment. Lexical
 * errors carry only their line; errors sparqljs finds after parsing carry nothing (undefined).
 */
function position(source: string, hash: JisonHash | undefined): Position | undefined {
  if (!hash?.loc) return typeof hash?.line === 'number' ? { line: hash.line + 1 } : undefined;
  const lines = source.split('\n');
  const accepted =
    lines.slice(0, hash.loc.last_line - 1).reduce((sum, line) => sum + line.length + 1, 0) +
    hash.loc.last_column;
  skipSpaceAndComments.lastIndex = accepted;
  skipSpaceAndComments.exec(source);
  const before = source.slice(0, skipSpaceAndComments.lastIndex).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const at = (p: Position): string =>
  p.column ? `at line ${p.line}, column ${p.column}` : `at line ${p.line}`;

/**
 * A sparqljs parse failure as an InputError: 'invalid SPARQL query: unexpected '}' at line 1, column 24', with
 * what the grammar expected there as the fix. Errors sparqljs finds after parsing (a variable in INSERT DATA, a
 * relative IRI without a base, …) have no position; their own sentence is kept.
 */
export function syntaxError(
  error: unknown,
  source: string,
  kind: 'query' | 'update',
  where: string | undefined,
): InputError {
  const hash = (error as { hash?: JisonHash }).hash;
  const place = position(source, hash);
  const text = error instanceof Error ? error.message : String(error);
  if (!place) {
    return new InputError(`invalid SPARQL ${kind}: ${text.replace(/\.$/, '')}`, {
      where,
      fix: fixFor(text),
      cause: error,
    });
  }
  const found = hash?.token === 'EOF' || hash?.text === '' ? 'unexpected end of the text' : unexpected(hash);
  const expected = expectedTokens(hash?.expected);
  return new InputError(`invalid SPARQL ${kind}: ${found} ${at(place)}`, {
    where,
    fix: expected
      ? `Expected ${expected} there; correct the ${kind} at that place (SPARQL 1.1 grammar: https://www.w3.org/TR/sparql11-query/#grammar).`
      : `Correct the ${kind} at that place (SPARQL 1.1 grammar: https://www.w3.org/TR/sparql11-query/#grammar).`,
    cause: error,
  });
}

const unexpected = (hash: JisonHash | undefined): string =>
  hash?.token == null ? `unrecognized text '${hash?.text ?? ''}'` : `unexpected '${hash.text}'`;

/** Hints for the errors sparqljs reports after parsing, by a word of their message. */
const hints: [RegExp, string][] = [
  [/relative IRI/, 'Write absolute IRIs, or declare a BASE at the start of the text.'],
  [
    /illegal variable/,
    'INSERT DATA and DELETE DATA take concrete triples only; use INSERT … WHERE to use variables.',
  ],
  [/illegal blank node/, 'DELETE templates cannot hold blank nodes; use a variable instead.'],
  [/reuse blank node/, 'Give the blank nodes of each INSERT DATA operation their own labels.'],
  [/SPARQL-star|SPARQL\*/, 'imagegraph speaks SPARQL 1.1: quoted triples (<< >>) are not supported.'],
  [/ungrouped|GROUP/i, 'Project only grouped variables or aggregates, or add the variable to GROUP BY.'],
];

const fixFor = (message: string): string =>
  hints.find(([pattern]) => pattern.test(message))?.[1] ?? 'Correct the SPARQL text.';
