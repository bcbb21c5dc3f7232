import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { sh } from '../src/vocab.ts';
import { runCli, tempFiles } from './support/cli.ts';

const file = tempFiles({
  'shapes.ttl': `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://e/> .
    ex:S a sh:NodeShape ; sh:targetClass ex:C ;
      sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A C needs a name."@en ] ;
      sh:property [ sh:path ex:tag ; sh:minCount 1 ; sh:severity sh:Warning ] .`,
  'good.ttl': '@prefix ex: <http://e/> . ex:a a ex:C ; ex:name "a" ; ex:tag "t" .',
  'warn.ttl': '@prefix ex: <http://e/> . ex:a a ex:C ; ex:name "a" .',
  'bad.ttl': '@prefix ex: <http://e/> . ex:a a ex:C ; ex:tag "t" .',
  'bad.nt': '<http://e/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> .',
  'broken.ttl': '@prefix ex: <http://e/> .\nex:a a ex:C ;\n  ex:name "unterminated .\n',
  'data.txt': 'not rdf',
});

const validate = (...args: string[]) => runCli(['validate', ...args]);

describe('imagegraph validate --shapes', () => {
  it.each([
    ['conforming data', ['good.ttl'], 0, /Conforms/],
    ['warnings alone', ['warn.ttl'], 0, /WARNING/],
    ['a violation', ['bad.ttl'], 1, /VIOLATION .*path <http:\/\/e\/name>\n {4}A C needs a name\./],
    ['several files together', ['bad.nt', 'good.ttl'], 0, /Conforms/],
  ])('%s', async (_name, files, code, output) => {
    const run = await validate(...files.map(file), '--shapes', file('shapes.ttl'));
    expect(run.code).toBe(code);
    expect(run.out).toMatch(output);
  });

  it.each(['turtle', 'jsonld'])('--report %s prints the standard report', async (format) => {
    const run = await validate(file('bad.ttl'), '--shapes', file('shapes.ttl'), '--report', format);
    expect(run.code).toBe(1);
    const conforms =
      format === 'turtle'
        ? new Parser().parse(run.out).find((q) => q.predicate.value === sh('conforms'))?.object.value
        : JSON.stringify(JSON.parse(run.out)).match(
            /"sh:conforms":\{"@type":"xsd:boolean","@value":"(\w+)"/,
          )?.[1];
    expect(conforms).toBe('false');
  });
});

describe('imagegraph validate, bad input (exit 2)', () => {
  it.each([
    ['broken Turtle names file and line', [file('broken.ttl')], /broken\.ttl: invalid turtle: .*line 3/],
    ['a missing file', [file('missing.ttl')], /missing\.ttl: cannot read the file/],
    ['an unknown extension', [file('data.txt')], /data\.txt: cannot tell the RDF syntax/],
    [
      'an unknown --from',
      [file('good.ttl'), '--from', 'yaml'],
      /unknown input format 'yaml'.*\n.*Use one of: turtle/,
    ],
    ['an unknown report', [file('good.ttl'), '--report', 'pdf'], /unknown report format 'pdf'/],
    ['an unknown option', [file('good.ttl'), '--colour'], /Unknown option '--colour'/],
    ['no file', [], /no file to validate/],
  ])('%s', async (_name, args, message) => {
    const run = await validate(...args, '--shapes', file('shapes.ttl'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  });
});

describe('imagegraph validate, catalogues against shapes/ and the ontology', () => {
  it.each([
    ['the patent catalogue', ['data/patent.ttl'], 0, /^Conforms: no results\.\n$/],
    ['FIG. 4 as CSV', ['test/fixtures/patent/fig4-images.csv', '--from', 'patent-images'], 0, /WARNING/],
    ['a Glance listing', ['test/fixtures/glance/images.json', '--from', 'glance'], 0, /./],
    ['a CloudStack listing', ['test/fixtures/cloudstack/listTemplates.json', '--from', 'cloudstack'], 0, /./],
    [
      'FIG. 5 alone: its nodes lack a provider',
      ['test/fixtures/patent/fig5-node-images.csv', '--from', 'patent-node-images'],
      1,
      /VIOLATION id:node\/3007 {2}path ig:provider/,
    ],
  ])('%s', async (_name, args, code, output) => {
    const run = await validate(...args);
    expect(run.err).toBe('');
    expect(run.code).toBe(code);
    expect(run.out).toMatch(output);
  });
});
