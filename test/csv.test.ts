import { describe, expect, it } from 'vitest';
import { isInputError } from '../src/errors.ts';
import { parseCsv } from '../src/importers/csv.ts';

describe('parseCsv reads RFC 4180 with line numbers', () => {
  it.each([
    [
      'a,b\nc,d\n',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    [
      'a,b\r\nc,d',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    ['\uFEFFa,b\n', [[1, ['a', 'b']]]],
    ['a,,\n', [[1, ['a', '', '']]]],
    ['"a,b","c""d"\n', [[1, ['a,b', 'c"d']]]],
    [
      '"two\nlines",x\nnext,y\n',
      [
        [1, ['two\nlines', 'x']],
        [3, ['next', 'y']],
      ],
    ],
    [
      '"two\r\nlines",x\r\nnext,y\r\n',
      [
        [1, ['two\r\nlines', 'x']],
        [3, ['next', 'y']],
      ],
    ],
    [
      'a\n\n\nb\n',
      [
        [1, ['a']],
        [4, ['b']],
      ],
    ],
    ['""\n', [[1, ['']]]],
    [' "a" ,b\n', [[1, ['a', 'b']]]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseCsv(text, 'f.csv').map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it.each([
    ['a,b\n"open,c\nd\n', 'f.csv:2', /never closed/],
    ['a,b\nx"y,c\n', 'f.csv:2', /double quote stands inside a field/],
    ['a\n"q"x,c\n', 'f.csv:2', /double quote stands inside a field/],
  ])('%j is an error at %s', (text, where, message) => {
    let error: unknown;
    try {
      parseCsv(text, 'f.csv');
    } catch (e) {
      error = e;
    }
    expect(isInputError(error) && [error.where, error.message]).toEqual([
      where,
      expect.stringMatching(message),
    ]);
  });
});
