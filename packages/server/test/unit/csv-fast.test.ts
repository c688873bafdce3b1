import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCsv, readPlainCsv } from '../../src/areas/returns/ssda903/csv-fast.ts';

/** What files.ts read with csv-parse: the chosen columns of each record, upper-cased, '' where a record is short. */
function viaCsvParse(text: string, pick: (header: string[]) => number[]) {
  const records = parse(Buffer.from(text), { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header, ...rows] = records;
  if (!header) return undefined;
  const positions = pick(header);
  return { header, columns: positions.map((p) => rows.map((r) => (r[p] ?? '').toUpperCase())) };
}

const cell = fc.stringMatching(/^[ \ta-zA-Z0-9/\-.]{0,8}$/);
const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
const csv = fc
  .tuple(fc.boolean(), fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([bom, lines, eol, last]) => `${bom ? '\uFEFF' : ''}A,b , c\t,D${eol}${lines.join(eol)}${last ? eol : ''}`);

describe('the fast CSV reader (SSDA903 tables)', { timeout: 30_000 }, () => {
  it('reads a plain CSV exactly as csv-parse does: trimmed, upper-cased, blank lines skipped, short records blank (property)', () => {
    fc.assert(
      fc.property(csv, (text) => {
        const bytes = Buffer.from(text);
        expect(plainCsv(bytes)).toBe(true);
        const pick = (h: string[]) => [3, 0, 2, 1].filter((p) => p < h.length);
        expect(readPlainCsv(bytes, pick)).toEqual(viaCsvParse(text, pick));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves quotes, bytes outside printable ASCII and a lone CR to csv-parse', () => {
    for (const text of ['A,B\n"x",y\n', 'A,B\nJosé,y\n', 'A,B\rx,y\r', 'A,B\nx\0,y\n']) expect(plainCsv(Buffer.from(text)), text).toBe(false);
    expect(plainCsv(Buffer.from('A,B\r\nx , y\t\n\n'))).toBe(true);
  });

  it('gives a value that recurs one string, and says when the header is not wanted', () => {
    const read = readPlainCsv(Buffer.from('CHILD,LS\n1,c2\n2,C2\n3,c2\n'), () => [0, 1]);
    expect(read?.columns).toEqual([
      ['1', '2', '3'],
      ['C2', 'C2', 'C2'],
    ]);
    expect(readPlainCsv(Buffer.from('X,Y\n1,2\n'), () => undefined)).toBeUndefined();
  });
});
