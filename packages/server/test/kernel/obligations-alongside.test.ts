import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { refreshObligations } from '../../src/kernel/obligations.ts';
import { seedCouncil } from '../../src/seed/generate.ts';
import { openTestStore, TEST_DB } from '../helpers/db.ts';

// A council's rebuild on a PostgreSQL server derives some rules' digests on a second connection
// that reads the rebuild's snapshot (obligations-alongside.ts); on the embedded store, or once its
// transaction has written, it goes on alone. Either way the deadlines written are the same.
let store: Store;
const LA = 'E06000019';
const ROLLBACK = new Error('rolled back');

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: 120, seed: 11 });
});
afterAll(() => store?.close());

/** Every deadline of the council, as stored (all but the refresh time). */
async function deadlines(db: Store['db']) {
  const r = await sql<Record<string, unknown>>`
    select child_id, rule_id, source_id, episode_id, start_date::text, due_date::text, due_at::text, met_on::text, ended_on::text, end_reason,
      responsible_worker_id, responsible_team_id
    from obligation where la_code = ${LA} order by child_id, rule_id, source_id`.execute(db);
  return r.rows;
}

/** A rebuild's steps by name. */
function stepsOf() {
  const steps: string[] = [];
  return { steps, timing: (step: string) => steps.push(step) };
}

describe('a council rebuild on two connections', () => {
  it('writes the deadlines one connection writes, after rows were changed and lost outside the engine', async () => {
    // Damage committed first: a transaction that has written cannot lend its snapshot.
    await sql`update obligation set due_date = due_date + 3 where la_code = ${LA} and rule_id = 'cp-visit'`.execute(store.db);
    await sql`delete from obligation where la_code = ${LA} and child_id = (select child_id from obligation where la_code = ${LA} order by child_id limit 1)`.execute(
      store.db,
    );
    await sql`delete from obligation where la_code = ${LA} and rule_id = 'assessment'`.execute(store.db);

    // One connection (no second connection offered), rolled back.
    let alone: Record<string, unknown>[] = [];
    const single = stepsOf();
    await store.db
      .transaction()
      .execute(async (trx) => {
        await refreshObligations(trx, LA, { timing: single.timing });
        alone = await deadlines(trx);
        throw ROLLBACK;
      })
      .catch((e) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(single.steps.some((s) => s.includes('alongside'))).toBe(false);

    // Two, where the store is a PostgreSQL server; alone on the embedded store.
    const both = stepsOf();
    const r = await refreshObligations(store.db, LA, { timing: both.timing });
    expect(both.steps.some((s) => s.endsWith('(alongside)'))).toBe(TEST_DB === 'postgres');
    const after = await deadlines(store.db);
    expect(after.length).toBe(alone.length);
    expect(after).toEqual(alone);
    expect(r.obligations).toBe(after.length);

    // Settled history kept: the same again, nothing to change.
    const kept = stepsOf();
    await refreshObligations(store.db, LA, { settled: 'keep', timing: kept.timing });
    expect(await deadlines(store.db)).toEqual(alone);
  });

  it('goes on alone in a transaction that has written, and with the second connection offered', async () => {
    const before = await deadlines(store.db);
    const steps = stepsOf();
    await store.db
      .transaction()
      .execute(async (trx) => {
        await sql`update obligation set due_date = due_date + 1 where la_code = ${LA} and rule_id = 'cp-visit'`.execute(trx);
        await refreshObligations(trx, LA, { alongside: store.db, timing: steps.timing });
        expect(await deadlines(trx)).toEqual(before);
        throw ROLLBACK;
      })
      .catch((e) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(steps.steps.some((s) => s.includes('alongside'))).toBe(false);
    // Offered in a transaction that has not written, it is taken on a PostgreSQL server.
    const offered = stepsOf();
    await store.db.transaction().execute((trx) => refreshObligations(trx, LA, { alongside: store.db, timing: offered.timing }));
    expect(offered.steps.some((s) => s.endsWith('(alongside)'))).toBe(TEST_DB === 'postgres');
    expect(await deadlines(store.db)).toEqual(before);
  });
});
