/**
 * The CIN census's schema check runs a batch of children at a time (so memory holds a batch, not
 * the file). A file checked in batches of three children must get exactly the findings of one
 * checked whole, and each finding's line must be the line in the file that holds the mistake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCinCensusFile } from '../../src/areas/returns/cin-census/validate.ts';

const sample = readFileSync(new URL('../fixtures/cin-census-sample.xml', import.meta.url), 'utf8');

/** The sample's four children five times over (new ids), with a wrong element in children 3, 14 and 20. */
function twentyChildren(): { xml: string; wrongLines: number[] } {
  const start = sample.indexOf('    <Child>');
  const end = sample.lastIndexOf('</Child>') + '</Child>'.length;
  const children = sample.slice(start, end).split(/(?<=<\/Child>)\n?/);
  const all: string[] = [];
  for (let round = 0; round < 5; round++)
    for (const c of children) {
      const n = all.length + 1;
      let child = c.replace(/<LAchildID>([^<]*)<\/LAchildID>/, `<LAchildID>$1R${round}</LAchildID>`);
      if ([3, 14, 20].includes(n)) child = child.replace('<ChildCharacteristics>', '<NotInTheSchema>x</NotInTheSchema>\n      <ChildCharacteristics>');
      all.push(child.replace(/^\s*/, '    '));
    }
  const xml = `${sample.slice(0, start)}${all.join('\n')}${sample.slice(end)}`;
  const wrongLines = xml.split('\n').flatMap((line, i) => (line.includes('NotInTheSchema') ? [i + 1] : []));
  return { xml, wrongLines };
}

describe('the CIN census schema check in batches', { timeout: 120_000 }, () => {
  it('finds what checking the whole file finds, on the lines that hold the mistakes', async () => {
    const { xml, wrongLines } = twentyChildren();
    expect(wrongLines).toHaveLength(3);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-cin-')), 'return.xml');
    writeFileSync(file, xml);
    const whole = await validateCinCensusFile({ path: file }, { year: 2026 });
    const batched = await validateCinCensusFile({ path: file }, { year: 2026, childrenPerSchemaBatch: 3 });
    const schemaOf = (r: typeof whole) => r.failures.filter((f) => f.code === 'XSD').map((f) => ({ line: f.line, message: f.message }));
    expect(whole.children).toBe(20);
    expect(schemaOf(batched)).toEqual(schemaOf(whole));
    expect(schemaOf(batched).map((f) => f.line)).toEqual(wrongLines);
    expect(schemaOf(batched)[0]?.message).toContain('NotInTheSchema');
    expect(batched.failures).toEqual(whole.failures);
  });

  it('a file that is right passes in batches too', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-cin-')), 'return.xml');
    writeFileSync(file, sample);
    const r = await validateCinCensusFile({ path: file }, { year: 2026, childrenPerSchemaBatch: 1 });
    expect(r.schemaValid).toBe(true);
    expect(r.children).toBe(4);
  });
});
