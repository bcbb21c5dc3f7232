import type { Term } from '@rdfjs/types';
import { type Component, eachValue, type Finding, noFindings, numberParameter } from './component.ts';

const lexical = (v: Term): string | undefined => (v.termType === 'BlankNode' ? undefined : v.value);

/** SPARQL langMatches with basic filtering (RFC 4647 §3.3.1). */
const langMatches = (tag: string, range: string): boolean => {
  const t = tag.toLowerCase();
  const r = range.toLowerCase();
  return r === '*' ? t !== '' : t === r || t.startsWith(`${r}-`);
};

/** SHACL uses XPath regular expressions; translate the flags JavaScript shares with them. */
const toRegExp = (pattern: string, flags: string | undefined): RegExp =>
  new RegExp(pattern, `${(flags ?? '').replace(/[^imsx]/g, '').replace('x', '')}u`);

export const stringComponents: Component[] = [
  {
    name: 'MinLengthConstraintComponent',
    parameter: 'minLength',
    compile: (c) => {
      const min = numberParameter(c, 'minLength');
      return [eachValue((v) => (lexical(v)?.length ?? -1) >= min)];
    },
    message: (c) => `Value has less than ${numberParameter(c, 'minLength')} characters`,
  },
  {
    name: 'MaxLengthConstraintComponent',
    parameter: 'maxLength',
    compile: (c) => {
      const max = numberParameter(c, 'maxLength');
      return [eachValue((v) => (lexical(v)?.length ?? Number.POSITIVE_INFINITY) <= max)];
    },
    message: (c) => `Value has more than ${numberParameter(c, 'maxLength')} characters`,
  },
  {
    name: 'PatternConstraintComponent',
    parameter: 'pattern',
    compile: (c) => {
      const flags = c.values('flags')[0]?.value;
      return c.values('pattern').map((p) => {
        const regexp = toRegExp(p.value, flags);
        return eachValue((v) => {
          const text = lexical(v);
          return text !== undefined && regexp.test(text);
        });
      });
    },
    message: (c) => `Value does not match pattern "${c.values('pattern')[0]?.value}"`,
  },
  {
    name: 'LanguageInConstraintComponent',
    parameter: 'languageIn',
    compile: (c) =>
      c.values('languageIn').map((list) => {
        const ranges = c.list(list).map((t) => t.value);
        return eachValue((v) => v.termType === 'Literal' && ranges.some((r) => langMatches(v.language, r)));
      }),
    message: (c) =>
      `Language does not match any of ${c.list(c.values('languageIn')[0]!).map((t) => t.value)}`,
  },
  {
    name: 'UniqueLangConstraintComponent',
    parameter: 'uniqueLang',
    propertyOnly: true,
    compile: (c) => {
      if (c.values('uniqueLang')[0]?.value !== 'true') return [];
      return [
        (_focus, values) => {
          const seen = new Map<string, number>();
          for (const v of values) {
            if (v.termType === 'Literal' && v.language) seen.set(v.language, (seen.get(v.language) ?? 0) + 1);
          }
          const findings: Finding[] = [];
          for (const count of seen.values()) if (count > 1) findings.push({ value: undefined });
          return findings.length > 0 ? findings : noFindings;
        },
      ];
    },
    message: () => 'Language tags are not unique',
  },
];
