import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, calendarDays } from '@lantern/core/calendar';
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/**
 * Fills calendar_day from the TypeScript calendar, so SQL and TypeScript count working days
 * alike. Rewritten only when the rules changed (a different number of days or working days).
 */
export async function syncCalendar(db: Kysely<Database>): Promise<void> {
  const days = calendarDays(`${CALENDAR_FIRST_YEAR}-01-01`, `${CALENDAR_LAST_YEAR}-12-31`);
  const last = days[days.length - 1];
  const current = async (from: Kysely<Database>) => {
    const found = await from
      .selectFrom('calendar_day')
      .select([sql<number>`count(*)`.as('n'), sql<number>`max(working_day_number)`.as('w')])
      .executeTakeFirstOrThrow();
    return Number(found.n) === days.length && Number(found.w) === last?.workingDayNumber;
  };
  if (await current(db)) return;
  await db.transaction().execute(async (trx) => {
    // The migrations' lock: two servers starting together would both rewrite it; the second,
    // once the first is done, finds it current.
    await sql`select pg_advisory_xact_lock(7410652)`.execute(trx);
    if (await current(trx)) return;
    await trx.deleteFrom('calendar_day').execute();
    // One statement with arrays: fast on both stores, whatever the size.
    await sql`insert into calendar_day (day, is_working_day, working_day_number)
      select * from unnest(${days.map((d) => d.date)}::date[], ${days.map((d) => d.isWorkingDay)}::boolean[], ${days.map((d) => d.workingDayNumber)}::integer[])`.execute(
      trx,
    );
  });
}
