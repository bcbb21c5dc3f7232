import type { Term } from '@rdfjs/types';
import type { IriTerm, LiteralTerm } from 'sparqljs';
import { InputError } from '../errors.ts';
import { literal, namedNode } from '../rdf/terms.ts';

/*
 * The checks a client value passes before it enters SPARQL text. sparqljs's Generator escapes the lexical form
 * of literals but writes IRIs, language tags and variable names as they are, so those are checked here.
 */

/** What IRIREF forbids (SPARQL 1.1 grammar [139]): controls and space, <, >, ", {, }, |, ^, `, \. */
const forbiddenInIri = new Set('<>"{}|^`\\');
const firstForbidden = (iri: string): string | undefined =>
  [...iri].find((c) => c.charCodeAt(0) <= 0x20 || forbiddenInIri.has(c));
const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** With the u flag, a surrogate matches only when it is not half of a pair. */
const loneSurrogate = /[\uD800-\uDFFF]/u;
const languageTag = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
/** Variable names as imagegraph's named queries write them (a subset of VARNAME). */
export const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

const describeChar = (c: string): string =>
  c === ' ' ? 'a space' : c.charCodeAt(0) < 0x20 ? 'a control character' : `the character ${c}`;

function refuse(name: string, what: string, fix: string): never {
  throw new InputError(`the value bound to ?${name} ${what}`, { fix });
}

export function checkIri(iri: string, name: string, part = ''): IriTerm {
  const bad = firstForbidden(iri);
  if (bad) {
    refuse(
      name,
      `${part}is not a valid IRI: it contains ${describeChar(bad)}`,
      'IRIs cannot contain spaces, controls or any of < > " { } | ^ ` \\; percent-encode them (a space is %20).',
    );
  }
  if (!scheme.test(iri)) {
    refuse(
      name,
      `${part}is not an absolute IRI: '${iri.slice(0, 80)}'`,
      'Give the whole IRI, starting with its scheme (https:, urn:, …).',
    );
  }
  return namedNode(iri) as IriTerm;
}

function checkLiteral(term: Term & { termType: 'Literal' }, name: string): LiteralTerm {
  if (loneSurrogate.test(term.value)) {
    refuse(name, 'is not well-formed Unicode (it holds a lone surrogate)', 'Send the text as valid UTF-8.');
  }
  if (term.language) {
    if (!languageTag.test(term.language)) {
      refuse(
        name,
        `has an invalid language tag '${term.language.slice(0, 40)}'`,
        'Use a BCP 47 language tag such as en or en-GB.',
      );
    }
    return literal(term.value, term.language) as LiteralTerm;
  }
  return literal(term.value, checkIri(term.datatype.value, name, 'has a datatype that ')) as LiteralTerm;
}

/** The term types a VALUES block can carry, each checked; blank nodes, variables and quoted triples cannot. */
const checks: Partial<Record<Term['termType'], (term: never, name: string) => IriTerm | LiteralTerm>> = {
  NamedNode: (term: Term, name) => checkIri(term.value, name),
  Literal: checkLiteral,
};

/** TERM as a term safe to bind to ?NAME; anything else is an InputError. */
export function checkTerm(term: Term, name: string): IriTerm | LiteralTerm {
  const check = checks[term?.termType] as ((term: Term, name: string) => IriTerm | LiteralTerm) | undefined;
  if (!check) {
    refuse(
      name,
      `is a ${term?.termType ?? typeof term}: only IRIs and literals can be bound`,
      'Bind an IRI (namedNode) or a literal.',
    );
  }
  return check(term, name);
}
