import { describe, expect, it } from 'vitest';
import { lanternAgainstStore } from '../helpers/command.ts';
import { buildFixture, LA } from '../helpers/fixture.ts';

// `lantern kpi` against a real store of the kind under test, as a separate process.
const cli = lanternAgainstStore('cli-kpi', prepare);

/** Two referrals on Mon 22 December 2025 with assessments authorised on 26 and 27 February 2026 (the 45th working day is the 26th). */
async function prepare(db: Parameters<typeof buildFixture>[0]) {
  const ids = await buildFixture(db);
  await db
    .insertInto('council_setting')
    .values({ la_code: LA, key: 'population-0-17', value: JSON.stringify(40000) })
    .execute();
  for (const [childId, authorised] of [
    [ids.childA, '2026-02-26'],
    [ids.childB, '2026-02-27'],
  ] as const) {
    const episodeId = crypto.randomUUID();
    await db
      .insertInto('cin_episode')
      .values({ la_code: LA, episode_id: episodeId, child_id: childId, referral_date: '2025-12-22', referral_source: '2A', primary_need: 'N1' })
      .execute();
    await db
      .insertInto('assessment')
      .values({
        la_code: LA,
        assessment_id: crypto.randomUUID(),
        episode_id: episodeId,
        child_id: childId,
        start_date: '2025-12-22',
        completed_on: authorised,
        authorised_on: authorised,
      })
      .execute();
  }
}

describe('lantern kpi', () => {
  it('prints every indicator for the council with its value, counts, period and England figure', async () => {
    const { stdout } = await cli.lantern(['kpi', '--as-of', '2026-03-31']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('indicator\tvalue\tunit\tnumerator\tdenominator\tperiod\tengland');
    expect(lines).toContain('assessments-45wd\t50\t%\t1\t2\t2025-04-01..2026-03-31\t-');
    expect(lines).toContain('referrals\t2 (0.5 per 10,000)\tcount\t2\t-\t2025-04-01..2026-03-31\t633000 (2024-25)');
    // Every indicator (indicators.md's, the two on early help, the four legal ones and the seven of fostering), one a line after the header; the fixture's 5 permanent staff, none leaving.
    expect(lines).toHaveLength(54);
    for (const id of ['cla-long-term-stability', 'turnover-rate', 'agency-rate', 'vacancy-rate', 'management-oversight-in-time'])
      expect(lines.some((l) => l.startsWith(`${id}\t`))).toBe(true);
    expect(lines).toContain('turnover-rate\t0\t%\t0\t5\ton 2026-03-31\t11.8 (2024-25)');
  });

  it('prints JSON with --json, one indicator a line, and refuses a date that does not exist', async () => {
    const { stdout } = await cli.lantern(['kpi', '--json', '--as-of', '2026-02-26', '--months', '1']);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.find((r) => r.id === 'assessments-45wd')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
      period: { from: '2026-01-27', to: '2026-02-26' },
    });
    await expect(cli.lantern(['kpi', '--as-of', '2026-02-30'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--as-of must be a real date'),
    });
  });
});
