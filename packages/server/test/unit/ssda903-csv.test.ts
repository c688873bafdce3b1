/**
 * The SSDA903 CSV reader: udsv reads plain files fast and hands any other to csv-parse. Whatever
 * a council's file holds (quotes, ragged rows, blank lines, spaces, Windows line ends, a byte-order
 * mark), what udsv accepts must be exactly what csv-parse reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildIds, tableFromBytes } from '../../src/areas/returns/ssda903/csv-bytes.ts';
import { tableByCsvParse, tableByUdsv } from '../../src/areas/returns/ssda903/files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lantern-903-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'];
// Mostly plain values (the files udsv takes), some with what makes a file csv-parse's.
const value = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom('a', 'B', '1', '/', ' ', '\t'), maxLength: 6 }), weight: 6 },
  { arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r'), maxLength: 4 }), weight: 1 },
);
const row = fc.oneof(fc.array(value, { minLength: 7, maxLength: 7 }), fc.array(value, { minLength: 0, maxLength: 9 }));

async function csvParse(text: string) {
  const file = path.join(dir, 'header.csv');
  writeFileSync(file, text);
  try {
    return { read: await tableByCsvParse(file) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Generated files read by a fast reader and by csv-parse: wherever the fast reader takes a file
 * (it answers false to leave it to csv-parse), both read the same columns. How many it took.
 */
async function readsAsCsvParse(fast: (text: string) => { table: { columns: unknown } } | false | undefined, newlines: string[]): Promise<number> {
  let taken = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.constantFrom(...newlines), fc.boolean(), async (rows, newline, closed) => {
      const text = [HEADER.join(','), ...rows.map((r) => r.join(','))].join(newline) + (closed ? newline : '');
      const read = fast(text);
      if (read === false) return;
      taken++;
      const slow = await csvParse(text);
      expect(slow.error).toBeUndefined();
      expect(read?.table.columns).toEqual(slow.read?.table.columns);
    }),
    { numRuns: 1000 },
  );
  return taken;
}

describe('reading an SSDA903 CSV', { timeout: 60_000 }, () => {
  it('reads a plain file by udsv, trimmed and upper-cased, Windows line ends and a byte-order mark too', async () => {
    const text = '\uFEFFCHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n 101 ,m,01/02/2015,wbri,A123,,\r\n\r\n102,F,03/04/2016,MWBC,UN1,1,05/06/2030';
    const fast = tableByUdsv(text);
    expect(fast ? fast.table.columns : null).toEqual({
      CHILD: ['101', '102'],
      SEX: ['M', 'F'],
      DOB: ['01/02/2015', '03/04/2016'],
      ETHNIC: ['WBRI', 'MWBC'],
      UPN: ['A123', 'UN1'],
      MOTHER: ['', '1'],
      MC_DOB: ['', '05/06/2030'],
    });
    expect((await csvParse(text)).read?.table.columns).toEqual(fast ? fast.table.columns : null);
  });

  it('hands a file with quotes or a short or long row to csv-parse', () => {
    expect(tableByUdsv(`${HEADER.join(',')}\n"101",M,,,,,\n`)).toBe(false);
    expect(tableByUdsv(`${HEADER.join(',')}\n101,M\n102,F,,,,,\n`)).toBe(false);
    expect(tableByUdsv(`${HEADER.join(',')}\n101,M,,,,,,extra\n`)).toBe(false);
    expect(tableByUdsv(`${HEADER.join(',')}\n101,M,,,,,\n102,F`)).toBe(false);
  });

  it('what udsv reads is what csv-parse reads, for any file', async () => {
    expect(await readsAsCsvParse(tableByUdsv, ['\n', '\r\n'])).toBeGreaterThan(100); // udsv's side was tried
  });

  it('reads the plainest file from its bytes, as csv-parse reads it; anything else it leaves', async () => {
    const text = '\uFEFFCHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n 101 ,m,01/02/2015,wbri,A123,,\r\n102,F,03/04/2016,MWBC,UN1,1,05/06/2030';
    const plain = tableFromBytes(Buffer.from(text));
    expect(plain ? plain.table.columns.ETHNIC : null).toEqual(['WBRI', 'MWBC']);
    expect(plain ? plain.table.columns : null).toEqual((await csvParse(text)).read?.table.columns);
    expect(tableFromBytes(Buffer.from(`${HEADER.join(',')}\n101,M,,,,,\n\n102,F,,,,,\n`))).toBe(false); // an empty line
    expect(tableFromBytes(Buffer.from(`${HEADER.join(',')}\n101,É,,,,,\n`))).toBe(false); // not ASCII
    expect(tableFromBytes(Buffer.from('NAME,AGE\nA,1\n'))).toBeUndefined();
    expect(await readsAsCsvParse((text) => tableFromBytes(Buffer.from(text)), ['\n', '\r\n', '\r'])).toBeGreaterThan(100);
  });

  it('keeps repeated values apart from values of the same hash', () => {
    // Many rows, so that the columns' kept strings are looked up (and some stop being kept).
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},${['M', 'F', 'AB', 'B#'][i % 4]},${i % 3 ? '01/02/2015' : '02/01/2015'},,,,`);
    const text = [HEADER.join(','), ...rows].join('\n');
    const plain = tableFromBytes(Buffer.from(text));
    expect(plain ? plain.table.columns.SEX!.slice(0, 4) : null).toEqual(['M', 'F', 'AB', 'B#']);
    expect(plain ? plain.table.columns.CHILD![4999] : null).toBe('4999');
    expect(plain ? plain.table.columns.DOB!.slice(0, 3) : null).toEqual(['02/01/2015', '01/02/2015', '01/02/2015']);
  });

  it("reads a return's tables with one map of CHILD ids as it reads each alone", () => {
    // AB and B# hash alike: whichever the map holds, the other is read as itself.
    const header = `${HEADER.join(',')}\nab,M,,,,,\n${Array.from({ length: 2500 }, (_, i) => `${i},F,,,,,`).join('\n')}\n`;
    const reviews = `CHILD,DOB,REVIEW,REVIEW_CODE\nB#,,,\nAB,,,\n 7 ,,,\n2499,,,\n`;
    const children: ChildIds = new Map();
    const shared = [tableFromBytes(Buffer.from(header), children), tableFromBytes(Buffer.from(reviews), children)];
    const alone = [tableFromBytes(Buffer.from(header)), tableFromBytes(Buffer.from(reviews))];
    expect(shared.map((t) => (t ? t.table.columns : null))).toEqual(alone.map((t) => (t ? t.table.columns : null)));
    expect(shared[1] ? shared[1].table.columns.CHILD : null).toEqual(['B#', 'AB', '7', '2499']);
  });
});
