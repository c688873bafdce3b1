import { describe, expect, it } from 'vitest';
import { lanternAgainstStore } from '../helpers/command.ts';
import { buildFixture, LA } from '../helpers/fixture.ts';

// `lantern obligations` against a real store of the kind under test, as a separate process.
const cli = lanternAgainstStore('cli', prepare);
let fixture: Awaited<ReturnType<typeof buildFixture>>;

/**
 * A child referred on Mon 2 March 2026 with no assessment yet: due 45 working days later, over Easter and 4 May.
 * And Ava Tester supervised by her manager Tom on Wed 1 April 2026, written straight to the
 * table as a migration or an import would, so no worker deadline exists until a rebuild.
 */
async function prepare(db: Parameters<typeof buildFixture>[0]) {
  const ids = await buildFixture(db);
  fixture = ids;
  await db
    .insertInto('cin_episode')
    .values({ la_code: LA, episode_id: crypto.randomUUID(), child_id: ids.childA, referral_date: '2026-03-02', referral_source: '2A', primary_need: 'N1' })
    .execute();
  const tom = await db.selectFrom('app_user').select('user_id').where('la_code', '=', LA).where('username', '=', 'tm').executeTakeFirstOrThrow();
  await db
    .insertInto('supervision')
    .values({
      la_code: LA,
      supervision_id: crypto.randomUUID(),
      worker_id: ids.swA,
      supervisor_worker_id: ids.tmA,
      held_on: '2026-04-01',
      recorded_by: tom.user_id,
    })
    .execute();
}

async function workerDeadlines() {
  const store = await cli.open();
  try {
    return await store.db
      .selectFrom('worker_obligation')
      .select(['rule_id', 'start_date', 'due_date', 'met_on', 'responsible_worker_id'])
      .where('la_code', '=', LA)
      .where('worker_id', '=', fixture.swA)
      .orderBy('start_date')
      .execute();
  } finally {
    await store.close();
  }
}

describe('lantern obligations', () => {
  it('rebuilds from the record and prints each open deadline with its rule, dates, state and owner', async () => {
    expect(await workerDeadlines()).toEqual([]);
    const { stdout, stderr } = await cli.lantern(['obligations', '--rebuild', '--as-of', '2026-05-06']);
    expect(stderr).toMatch(/Rebuilt \d+ worker deadlines \(supervision, induction\)/);
    // Ava's supervision: the first counted from her start (6 January 2020), met late by the one
    // on 1 April 2026; the next due four weeks after that, on 29 April, owed by Tom her manager.
    expect(await workerDeadlines()).toEqual([
      { rule_id: 'supervision', start_date: '2020-01-06', due_date: '2020-02-03', met_on: '2026-04-01', responsible_worker_id: fixture.tmA },
      { rule_id: 'supervision', start_date: '2026-04-01', due_date: '2026-04-29', met_on: null, responsible_worker_id: fixture.tmA },
    ]);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('la_child_id\trule\tstart\tdue\tstate\tworker\tteam');
    // From Mon 2 March: 3 Mar–2 Apr are working days 1–23; Good Friday 3 Apr and Easter Monday
    // 6 Apr are skipped; 7 Apr–1 May are 24–42; 4 May is skipped; 5, 6, 7 May are 43, 44, 45.
    expect(lines).toContain('T1\tassessment\t2026-03-02\t2026-05-07\tdue\tAva Tester\tChildren in need 1');
  });

  it('prints only overdue ones with --overdue, and JSON with --json', async () => {
    const { stdout } = await cli.lantern(['obligations', '--overdue', '--json', '--as-of', '2026-05-08']);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual([
      {
        laChildId: 'T1',
        ruleId: 'assessment',
        startDate: '2026-03-02',
        dueDate: '2026-05-07',
        state: 'overdue',
        worker: 'Ava Tester',
        team: 'Children in need 1',
      },
    ]);
    const { stdout: before } = await cli.lantern(['obligations', '--overdue', '--as-of', '2026-05-07']);
    expect(before.trim().split('\n')).toHaveLength(1); // the header only: due today is not overdue
  });
});
