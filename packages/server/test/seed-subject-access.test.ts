/**
 * The demo council's subject access requests (src/seed/subject-access.ts): information governance
 * and the head of service find requests waiting — one just in, one extended with its reason, one
 * past its month — and one answered, each with its deadline derived and third parties marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/kernel/db/store.ts';
import { seedCouncil } from '../src/seed/generate.ts';
import { openTestStore } from './helpers/db.ts';

const AS_OF = '2026-11-23';
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedCouncil(store.db, { children: 80, seed: 7, asOf: AS_OF });
}, 600_000);
afterAll(() => store?.close());

describe('the demo council’s subject access requests', () => {
  it('has requests open, extended, overdue and released, each with its deadline and marks', async () => {
    const sars = await store.db
      .selectFrom('subject_access_request as s')
      .leftJoin('obligation as o', (j) => j.onRef('o.la_code', '=', 's.la_code').onRef('o.source_id', '=', 's.sar_id').on('o.rule_id', '=', 'sar-response'))
      .select(['s.received_on', 's.due_on', 's.extended_on', 's.extension_reason', 's.released_on', 's.reviewed_at', 's.marks', 's.requester_relationship'])
      .select(['o.due_date', 'o.met_on'])
      .orderBy('s.received_on', 'desc')
      .execute();
    expect(sars.map((s) => [s.received_on, s.due_on, s.extended_on !== null, s.released_on !== null])).toEqual([
      ['2026-11-14', '2026-12-14', false, false],
      ['2026-10-16', '2026-11-16', false, false],
      ['2026-10-14', '2027-01-14', true, false],
      ['2026-09-14', '2026-10-14', false, true],
    ]);
    for (const s of sars) {
      expect(s.due_date).toBe(s.due_on);
      expect(s.marks.length).toBeGreaterThan(0);
      if (s.extended_on) expect(s.extension_reason).toMatch(/complex/);
      if (s.released_on) expect(s.reviewed_at).not.toBeNull();
      expect(s.met_on !== null).toBe(s.released_on !== null);
    }
    // The overdue one is past its month on the day the council was made.
    expect(sars.filter((s) => !s.released_on && s.due_on < AS_OF)).toHaveLength(1);
  });
});
