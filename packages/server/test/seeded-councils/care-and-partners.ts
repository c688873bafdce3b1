import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/kernel/db/store.ts';
import { AS_OF, LA } from '../helpers/seeded.ts';
import { a, b, broken, c } from './councils.ts';

/** seed.test.ts's checks of the seeded permanence, UASC, health and care leavers, and of the partner agencies. */
export function describeCareAndPartners() {
  describe('permanence, UASC, health and care leavers (src/seed/permanence.ts)', () => {
    const rowsOf = (store: Store, table: 'adoption' | 'uasc_record' | 'leaver_birthday_contact' | 'health_check') =>
      sql<Record<string, unknown>>`select * from ${sql.table(table)} where la_code = ${LA} order by 1, 2, 3`
        .execute(store.db)
        .then((r) => r.rows.map(({ created_at: _c, ...rest }) => rest));

    it('gives identical records for the same seed and different ones for another', async () => {
      for (const table of ['adoption', 'uasc_record', 'leaver_birthday_contact', 'health_check'] as const) {
        const first = await rowsOf(a, table);
        expect(first.length, table).toBeGreaterThan(0);
        expect(await rowsOf(b, table), table).toEqual(first);
      }
      expect(await rowsOf(c, 'health_check')).not.toEqual(await rowsOf(a, 'health_check'));
    });

    it('keeps the adoption timeline in order and within care, and every date on or before the as-of date', async () => {
      expect(
        await broken(
          a,
          sql`select a.child_id, a.decision_on, a.placement_order_on, a.matched_on, a.placed_on from adoption a
            join care_period cp on cp.la_code = a.la_code and cp.child_id = a.child_id
            where a.la_code = ${LA} and (a.decision_on < cp.start_date or a.placement_order_on < a.decision_on or a.matched_on < a.decision_on
              or a.placed_on < a.matched_on or (a.placed_on is not null and a.matched_on is null) or a.placed_on > ${AS_OF}
              or (a.matched_on is not null and (a.adopter_count is null or a.adopter_sex is null)))`,
        ),
      ).toEqual([]);
      expect(
        await broken(
          a,
          sql`select 'health' as t, done_on as d from health_check where la_code = ${LA} and done_on > ${AS_OF}
            union all select 'pep', held_on from pep where la_code = ${LA} and held_on > ${AS_OF}
            union all select 'contact', contact_on from leaver_birthday_contact where la_code = ${LA} and contact_on > ${AS_OF}
            union all select 'visit', visited_on from pa_visit where la_code = ${LA} and visited_on > ${AS_OF}`,
        ),
      ).toEqual([]);
    });

    it('uses only the 903 codes, with codes that agree in each birthday contact', async () => {
      const { birthdayContactProblems } = await import('@lantern/core/care');
      const contacts = await sql<{ birthday_age: number; in_touch: string; activity: string; accommodation: string }>`
        select birthday_age, in_touch, activity, accommodation from leaver_birthday_contact where la_code = ${LA}`.execute(a.db);
      expect(contacts.rows.length).toBeGreaterThan(0);
      const problems = contacts.rows.flatMap((c) =>
        birthdayContactProblems({ birthdayAge: c.birthday_age, inTouch: c.in_touch, activity: c.activity, accommodation: c.accommodation }),
      );
      expect(problems).toEqual([]);
    });
  });

  describe('the partner agencies (src/seed/partners.ts)', () => {
    const requests = async (store: Store) =>
      (
        await sql<{ request_id: string; sent_on: string; respond_by: string; answered_on: string | null; withdrawn_on: string | null; name: string }>`
          select r.request_id, r.sent_on, r.respond_by, r.answered_on, r.withdrawn_on, o.name from partner_request r
          join partner_organisation o on o.la_code = r.la_code and o.organisation_id = r.organisation_id
          where r.la_code = ${LA} order by r.request_id`.execute(store.db)
      ).rows;

    it('gives identical requests for the same seed, with answers on time, late, and none yet', async () => {
      const first = await requests(a);
      expect(first.length).toBeGreaterThan(20);
      expect(await requests(b)).toEqual(first);
      const late = first.filter((r) => r.answered_on && r.answered_on > r.respond_by);
      const overdue = first.filter((r) => !r.answered_on && !r.withdrawn_on && r.respond_by < AS_OF);
      expect(late.length).toBeGreaterThan(0);
      expect(overdue.length).toBeGreaterThan(0);
      expect(first.filter((r) => r.answered_on && r.answered_on <= r.respond_by).length).toBeGreaterThan(late.length);
      expect(first.every((r) => r.sent_on <= AS_OF && (!r.answered_on || (r.answered_on >= r.sent_on && r.answered_on <= AS_OF)))).toBe(true);
    });

    it('gives partner.demo the housing partner, with open requests to answer, and families waiting', async () => {
      const user = await a.db
        .selectFrom('app_user')
        .select(['role', 'partner_organisation_id'])
        .where('la_code', '=', LA)
        .where('username', '=', 'partner.demo')
        .executeTakeFirstOrThrow();
      expect(user.role).toBe('partner');
      const open = await a.db
        .selectFrom('partner_request as r')
        .innerJoin('partner_organisation as o', (j) => j.onRef('o.la_code', '=', 'r.la_code').onRef('o.organisation_id', '=', 'r.organisation_id'))
        .select(['o.partner_type'])
        .where('r.organisation_id', '=', user.partner_organisation_id as string)
        .where('r.answered_on', 'is', null)
        .where('r.withdrawn_on', 'is', null)
        .execute();
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((r) => r.partner_type === 'housing')).toBe(true);
      const waiting = await sql<{ n: number }>`select count(*)::int as n from housing_need where la_code = ${LA} and resolved_on is null`.execute(a.db);
      expect(waiting.rows[0]?.n).toBeGreaterThan(0);
    });

    it('puts every open request on the worklist of the worker who asked', async () => {
      const r = await sql<{ requests: number; obligations: number; unowned: number }>`
        select (select count(*)::int from partner_request where la_code = ${LA}) as requests,
          (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'partner-response') as obligations,
          (select count(*)::int from obligation where la_code = ${LA} and rule_id = 'partner-response' and responsible_worker_id is null) as unowned`.execute(
        a.db,
      );
      expect(r.rows[0]?.obligations).toBe(r.rows[0]?.requests);
      expect(r.rows[0]?.unowned).toBe(0);
    });
  });
}
