import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lanternExit } from '../helpers/command.ts';

// Synthetic: children.csv is Header, export-2.csv is Episodes (UTF-8 with BOM, CRLF, columns in
// another order), notes.csv is not an SSDA903 table.
const fixture = new URL('../fixtures/ssda903', import.meta.url).pathname;
const scratch = mkdtempSync(path.join(tmpdir(), 'lantern-903-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `lantern validate ssda903 <args>`: its exit status with its output. */
const validate = (args: string[]) => lanternExit(['validate', 'ssda903', ...args]);

// Each test starts one or two lantern processes; allow for a busy machine.
describe('lantern validate ssda903', { timeout: 60_000 }, () => {
  it('names each failure: rule, child, table and row, fields and the DfE message; exit 1', async () => {
    const r = await validate([fixture, '--year', '2025/26']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      '101\tHeader row 2\tchild 1002\tSEX=X\tThe child or young person’s reported sex is not valid.',
      '103\tHeader row 2\tchild 1002\tETHNIC=ZZZZ\tThe ethnicity code is either not valid or has not been entered.',
      '143\tEpisodes row 2\tchild 1002\tRNE=Q\tThe reason for new episode code is not a valid code.',
      expect.stringMatching(/^357\tEpisodes row 2\tchild 1002\tRNE=Q\tIf this is the first episode ever for this child, reason for new episode must be S\./),
    ]);
    // Tables are recognised by their columns, not their file names.
    expect(r.stderr).toContain('Header          children.csv (3 rows)');
    expect(r.stderr).toContain('Episodes        export-2.csv (3 rows)');
    expect(r.stderr).toContain('ignored         notes.csv');
  });

  it('--json gives the same failures as data, and which rules ran', async () => {
    const r = await validate([fixture, '--year', '2026', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.year).toBe(2026);
    expect(out.files).toEqual([
      { file: 'children.csv', table: 'Header', rows: 3 },
      { file: 'export-2.csv', table: 'Episodes', rows: 3 },
    ]);
    expect(out.failures.map((f: { code: string; table: string; row: number; child: string }) => [f.code, f.table, f.row, f.child])).toEqual([
      ['101', 'Header', 2, '1002'],
      ['103', 'Header', 2, '1002'],
      ['143', 'Episodes', 2, '1002'],
      ['357', 'Episodes', 2, '1002'],
    ]);
    expect(out.failures[0]).toEqual({
      code: '101',
      message: 'The child or young person’s reported sex is not valid.',
      table: 'Header',
      row: 2,
      child: '1002',
      fields: { SEX: 'X' },
    });
    expect(out.ran).toContain('357');
    expect(out.notRun).toContainEqual({ code: 'INT06', reason: 'the return has no OC3 table' });
  });

  // On this small return the main thread may run every rule before the worker has read the files; the
  // worker's share is checked on the national return (npm run bench -- returns-903-validate compares the two).
  it('gives the same report with --threads 2 as with one', async () => {
    const one = await validate([fixture, '--year', '2026', '--json', '--threads', '1']);
    const two = await validate([fixture, '--year', '2026', '--json', '--threads', '2']);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).failures).toHaveLength(4);
    const text = await validate([fixture, '--year', '2026', '--threads', '2']);
    expect(
      text.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['101', '103', '143', '357']);
  });

  it('exits 0 for a clean return', async () => {
    const dir = path.join(scratch, 'clean');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'h.csv'), 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,F,05/06/2012,WBRI,A123456789012,0,\n');
    writeFileSync(
      path.join(dir, 'e.csv'),
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1001,01/05/2025,S,C2,N1,U4,PR1,,,,LS6 2QR,LS1 4AP,SC100001\n',
    );
    const r = await validate([dir, '--year', '2026']);
    expect(r.stderr).toContain('0 failures');
    expect(r.code).toBe(0);
  });

  it('compares with last year (--previous) and checks URNs against Ofsted’s list (--providers)', async () => {
    const previous = path.join(scratch, 'previous');
    mkdirSync(previous, { recursive: true });
    // Last year child 1001 was recorded as male: rule 202 (sex changed).
    writeFileSync(path.join(previous, 'h.csv'), 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,M,05/06/2012,WBRI,A123456789012,0,\n');
    const providers = path.join(scratch, 'providers.csv');
    // SC100001 is registered for K2 only: the U4 episodes at it fail 219; SC100002 is not listed (1008).
    writeFileSync(providers, 'URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,LA_CODE,REGISTERED,CLOSED\nSC100001,K2,PR1,LS1 4AP,E08000035,01/01/2015,\n');
    const r = await validate([fixture, '--year', '2026', '--previous', previous, '--providers', providers, '--json']);
    const out = JSON.parse(r.stdout);
    const pick = (code: string) =>
      out.failures.filter((f: { code: string }) => f.code === code).map((f: { table: string; row: number; child: string }) => [f.table, f.row, f.child]);
    expect(pick('202')).toEqual([['Header', 1, '1001']]);
    expect(pick('219')).toEqual([
      ['Episodes', 1, '1001'],
      ['Episodes', 2, '1002'],
    ]);
    expect(pick('1008')).toEqual([['Episodes', 3, '1003']]);
    expect(out.ran).toEqual(expect.arrayContaining(['202', '219', '1008']));
    expect(out.notRun).toContainEqual({ code: '229', reason: "needs the council's ONS code (--la-code)" });
  });

  it('says how to fix a UTF-16 file, and refuses a year without rules', async () => {
    const dir = path.join(scratch, 'utf16');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'header.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n', 'utf16le')]));
    const r = await validate([dir, '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('header.csv is saved as UTF-16');
    expect(r.stderr).toContain('UTF-8');
    const y = await validate([fixture, '--year', '2019']);
    expect(y.code).not.toBe(0);
    expect(y.stderr).toContain('--year must be 2026 (2025/26) or 2027 (2026/27)');
  });

  it('reads .xlsx workbooks (a sheet a table), names a workbook it skips and why, and does not call it UTF-16', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = path.join(scratch, 'xlsx');
    mkdirSync(dir, { recursive: true });
    const wb = new ExcelJS.Workbook();
    const header = wb.addWorksheet('Header');
    header.addRow(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB']);
    header.addRow(['1', 'M', new Date(Date.UTC(2012, 0, 31)), 'WBRI', 'UN1', '', '']);
    header.addRow(['2', 'Q', '01/02/2012', 'WBRI', 'UN1', '', '']);
    await wb.xlsx.writeFile(path.join(dir, '903 return.xlsx'));
    // Ofsted's children's homes list: a workbook, but not a table of the return.
    const ofsted = new ExcelJS.Workbook();
    ofsted.addWorksheet('Provider information').addRow(['URN', 'Provider name']);
    await ofsted.xlsx.writeFile(path.join(dir, 'ch_list.xlsx'));
    const r = await validate([dir, '--year', '2026', '--json']);
    const out = JSON.parse(r.stdout) as { failures: { code: string; child: string; fields: Record<string, string> }[]; files: unknown[]; ignored: unknown[] };
    expect(out.files).toEqual([{ file: '903 return.xlsx', table: 'Header', rows: 2 }]);
    expect(out.ignored).toEqual([{ file: 'ch_list.xlsx', reason: 'a workbook with no sheet of an SSDA903 table (its sheets: Provider information)' }]);
    expect(out.failures.filter((f) => f.code === '101').map((f) => f.child)).toEqual(['2']);
    // The date cell reads as the DfE's dd/mm/yyyy: no date-of-birth failure (102) for child 1.
    expect(out.failures.filter((f) => f.code === '102').map((f) => f.child)).toEqual([]);
  });
});
