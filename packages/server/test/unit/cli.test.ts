import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const lantern = new URL('../../bin/lantern.mjs', import.meta.url).pathname;

// Each case starts the command as its own process (twice in one), seconds apiece on a busy machine.
describe('lantern calendar', { timeout: 60_000 }, () => {
  it('prints a year’s bank holidays, one ISO date a line', async () => {
    const { stdout } = await run('node', [lantern, 'calendar', 'holidays', '2022']);
    expect(stdout.trim().split('\n')).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
  });

  it('prints the date N working days after DATE', async () => {
    const { stdout } = await run('node', [lantern, 'calendar', 'add', '2026-12-24', '1']);
    expect(stdout).toBe('2026-12-29\n');
    const { stdout: icpc } = await run('node', [lantern, 'calendar', 'add', '2023-04-28', '15']);
    // From Fri 28 April 2023: 1 May (early May) and 8 May (coronation) are skipped, so days 1–4 are
    // 2–5 May, 5–9 are 9–15 May... day 14 is Mon 22 May and day 15 Tue 23 May.
    expect(icpc).toBe('2023-05-23\n');
  });

  it('refuses a year out of range or a date that does not exist, saying why', async () => {
    await expect(run('node', [lantern, 'calendar', 'holidays', '1990'])).rejects.toMatchObject({
      stderr: expect.stringContaining('YEAR must be a year from 1995 to 2100'),
    });
    await expect(run('node', [lantern, 'calendar', 'add', '2026-02-30', '3'])).rejects.toMatchObject({
      stderr: expect.stringContaining('DATE must be a real date'),
    });
  });
});
