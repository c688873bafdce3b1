/**
 * The partner indicators (core's partner-indicators.ts), computed by SQL for a council over the
 * 12 months ending on the as-of date, or as a snapshot on it.
 */
import { addCalendarMonths, addDays, todayInEngland } from '@lantern/core/calendar';
import { PARTNER_INDICATORS, median, rate } from '@lantern/core/partner-indicators';
import { CONFERENCE_EXPECTED_AGENCIES, PARTNER_TYPE } from '@lantern/core/partners';
import { type Kysely, sql } from 'kysely';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';

/** partner_type → agency group, as a SQL case expression over `o.partner_type`. */
const agencyCase = sql`(case o.partner_type ${sql.join(
  Object.entries(PARTNER_TYPE).map(([type, t]) => sql`when ${sql.lit(type)} then ${sql.lit(t.agency)}`),
  sql` `,
)} else 'other' end)`;

export async function partnerIndicators(db: Kysely<Database>, actor: Actor, asOfInput?: string) {
  const laCode = actor.user.laCode;
  const asOf = asOfInput ?? todayInEngland();
  const from = addDays(addCalendarMonths(asOf, -12), 1);

  const answered = await sql<{ agency: string; due: number; in_time: number }>`
    select ${agencyCase} as agency, count(*)::int as due, count(*) filter (where r.answered_on is not null and r.answered_on <= r.respond_by and r.answered_on <= ${asOf}::date)::int as in_time
    from partner_request r join partner_organisation o on o.la_code = r.la_code and o.organisation_id = r.organisation_id
    where r.la_code = ${laCode} and r.respond_by between ${from}::date and ${asOf}::date
      and (r.withdrawn_on is null or r.withdrawn_on > r.respond_by)
    group by 1 order by 1`.execute(db);

  const attendance = await sql<{ agency: string; invited: number; attended: number }>`
    select ${agencyCase} as agency, count(distinct m.meeting_id)::int as invited, count(distinct m.meeting_id) filter (where m.attended)::int as attended
    from meeting_contribution m
    join cp_conference c on c.la_code = m.la_code and c.conference_id = m.meeting_id
    join partner_organisation o on o.la_code = m.la_code and o.organisation_id = m.organisation_id
    where m.la_code = ${laCode} and m.meeting_kind = 'conference' and m.invited and c.held_on between ${from}::date and ${asOf}::date
    group by 1 order by 1`.execute(db);

  // Which of police, health and education attended each conference; any absent flags it.
  const missingRows = await sql<{ held: number; missing: number }>`
    with attended as (
      select m.meeting_id as conference_id, ${agencyCase} as agency
      from meeting_contribution m join partner_organisation o on o.la_code = m.la_code and o.organisation_id = m.organisation_id
      where m.la_code = ${laCode} and m.meeting_kind = 'conference' and m.attended
    )
    select count(*)::int as held,
      count(*) filter (where exists (
        select 1 from unnest(${sql.val([...CONFERENCE_EXPECTED_AGENCIES])}::text[]) as e(agency)
        where not exists (select 1 from attended a where a.conference_id = c.conference_id and a.agency = e.agency)
      ))::int as missing
    from cp_conference c
    where c.la_code = ${laCode} and c.held_on between ${from}::date and ${asOf}::date`.execute(db);

  const waiting = await sql<{ days: number }>`
    select (${asOf}::date - h.identified_on)::int as days
    from housing_need h
    where h.la_code = ${laCode} and h.identified_on <= ${asOf}::date and (h.resolved_on is null or h.resolved_on > ${asOf}::date)`.execute(db);

  await audit(db, actor, { action: 'read', recordType: 'partner-indicators', detail: { asOf } });
  const days = waiting.rows.map((r) => Number(r.days));
  const held = Number(missingRows.rows[0]?.held ?? 0);
  const missingCount = Number(missingRows.rows[0]?.missing ?? 0);
  return {
    asOf,
    periodStart: from,
    definitions: PARTNER_INDICATORS,
    'partner-requests-in-time': answered.rows.map((r) => ({
      agency: r.agency,
      numerator: Number(r.in_time),
      denominator: Number(r.due),
      percent: rate(Number(r.in_time), Number(r.due)),
    })),
    'conference-attendance-by-agency': attendance.rows.map((r) => ({
      agency: r.agency,
      numerator: Number(r.attended),
      denominator: Number(r.invited),
      percent: rate(Number(r.attended), Number(r.invited)),
    })),
    'conferences-missing-agencies': { numerator: missingCount, denominator: held, percent: rate(missingCount, held) },
    'families-waiting-rehousing': { children: days.length, medianDays: median(days), longestDays: days.length ? Math.max(...days) : null },
  };
}
