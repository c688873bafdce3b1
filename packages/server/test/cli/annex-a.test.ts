import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lanternAgainstStore } from '../helpers/command.ts';
import { buildAnnexACouncil } from '../helpers/annex-a-council.ts';
import { LA } from '../helpers/fixture.ts';
import { readWorkbook } from '../helpers/workbook.ts';

// `lantern export annex-a` against a real store of the kind under test, as a separate process.
const cli = lanternAgainstStore('cli-annex-a', buildAnnexACouncil);

const outDir = mkdtempSync(path.join(tmpdir(), 'lantern-annex-a-out-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('lantern export annex-a', () => {
  it('writes the workbook, prints each list’s rows and exits 0', async () => {
    const out = path.join(outDir, 'annex-a.xlsx');
    const { stdout } = await cli.lantern(['export', 'annex-a', '--as-of', '2026-11-30', '--out', out]);
    expect(stdout).toContain('List  1 Contacts');
    expect(stdout).toMatch(/List {2}8 Children in care +3 rows/);
    expect(stdout).toContain(`Wrote Annex A of ${LA} as at 2026-11-30 (six months from 2026-05-31, twelve from 2025-12-01): 5 children`);
    const sheets = await readWorkbook(readFileSync(out));
    expect(sheets).toHaveLength(11);
    expect(sheets[0]?.rows.map((r) => r[0])).toEqual(['T1', 'T2']);
    expect(sheets[9]?.rows.map((r) => r[0])).toEqual(['T3']);
  });

  it('exits 1 naming the option when the date does not exist, and writes nothing', async () => {
    const out = path.join(outDir, 'bad.xlsx');
    await expect(cli.lantern(['export', 'annex-a', '--as-of', '2026-02-30', '--out', out])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--as-of must be a real date'),
    });
    expect(() => readFileSync(out)).toThrow();
  });
});
