/**
 * Builds a council's SSDA903 return (children looked after) for a collection year from the case
 * record: one CSV per table with the DfE's columns in their order and dates as dd/mm/yyyy
 * (data-standards §2). Children are read a batch at a time, in LA child id order, and each
 * batch's rows are written to every table's file before the next is read: memory holds one
 * batch, never the return.
 *
 * Who is in it (the DfE's guide and the rules that judge the file):
 * - Header: every child looked after at any time in the year (an episode open on or after
 *   1 April and starting on or before 31 March), and every care leaver whose 17th–21st birthday
 *   falls in the year with a birthday contact recorded (OC3).
 * - PlacedAdoption: the decisions that a child should be placed for adoption open in the year
 *   (DATE_PLACED is that decision's date, as rule 523 reads it: the same as AD1's DATE_INT).
 * - Episodes, Reviews, Missing, SWEpisodes: those within the year, of those
 *   children; what happened after 31 March is not yet known on it (an end after it is blank).
 * - OC2: children looked after continuously for 12 months at 31 March.
 * - AD1: children adopted in the year (an adoption order in the year).
 * - PrevPerm: children whose period of care began in the year and whose previous permanence was
 *   recorded at its start. UASC: children with a UASC record.
 * - DoLo (from 2026/27 only): those children's deprivation of liberty orders in force at some time
 *   in the year; DOLO_END the day it was ended, else the day the court set, blank after 31 March.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { TABLE_COLUMNS } from '@lantern/core/returns/ssda903/model';
import { SSDA903_TABLES, type Ssda903Table, ssda903TablesFor } from '@lantern/core/views/returns';
import { stringify } from 'csv-stringify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import { auditReturnReads, type ReturnActor } from '../audit.ts';

/** The tables Lantern writes (a year's return has those of ssda903TablesFor), and each one's file name. */
export const EXPORT_TABLES = SSDA903_TABLES;
export type ExportTable = Ssda903Table;
export const fileNameOf = (table: ExportTable) => `${table.toLowerCase()}.csv`;

export type Ssda903Export = { laCode: string; year: number; rows: Record<ExportTable, number>; seconds: number };

const BATCH = 2000;
type Row = Record<string, string | null>;

/** Lantern's reasons for a new allocation, as the DfE's reasons for a social worker change. */
const SW_REASON_OF: Record<string, string> = {
  'Worker left': 'LEFTRL',
  'Reallocation to balance caseloads': 'MANAGE',
  'Team transfer': 'ORGRST',
  'Worker on long-term leave': 'ABSENC',
};
const SW_REASONS = new Set(['MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS']);
export function swReason(startReason: string | null): string {
  if (!startReason) return 'OTHERS';
  if (SW_REASONS.has(startReason)) return startReason;
  return SW_REASON_OF[startReason] ?? 'OTHERS';
}

export async function exportSsda903(
  db: Kysely<Database>,
  laCode: string,
  year: number,
  outDir: string,
  options: { actor?: ReturnActor; onProgress?: (done: number, total: number) => void } = {},
): Promise<Ssda903Export> {
  const began = performance.now();
  const start = `${year - 1}-04-01`;
  const ref = `${year}-03-31`;
  const council = await db.selectFrom('local_authority').select('la_code').where('la_code', '=', laCode).executeTakeFirst();
  if (!council) throw new Error(`There is no council ${laCode} in this database`);
  await mkdir(outDir, { recursive: true });

  const files = {} as Partial<Record<ExportTable, { csv: ReturnType<typeof stringify>; file: WriteStream }>>;
  const rows = Object.fromEntries(EXPORT_TABLES.map((t) => [t, 0])) as Record<ExportTable, number>;
  const tables = ssda903TablesFor(year);
  const withDolo = tables.includes('DoLo');
  for (const t of tables) {
    const csv = stringify({ header: true, columns: [...TABLE_COLUMNS[t]] });
    const file = createWriteStream(path.join(outDir, fileNameOf(t)));
    csv.pipe(file);
    files[t] = { csv, file };
  }
  const write = async (t: ExportTable, list: Row[]) => {
    const csv = files[t]?.csv;
    if (!csv) return; // not a table of this year's return
    for (const r of list) {
      rows[t]++;
      if (!csv.write(TABLE_COLUMNS[t].map((c) => r[c] ?? ''))) await new Promise((resolve) => csv.once('drain', resolve));
    }
  };

  // Looked after in the year, or a care leaver with a birthday contact in it.
  const episodeInYear = (e: string) =>
    sql`${sql.ref(`${e}.start_date`)} <= ${ref} and (${sql.ref(`${e}.end_date`)} is null or ${sql.ref(`${e}.end_date`)} >= ${start})`;
  const looked = sql`exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.person_id and ${episodeInYear('e')})`;
  const inReturn = sql`(exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.person_id and ${episodeInYear('e')})
      or exists (select 1 from leaver_birthday_contact b where b.la_code = p.la_code and b.child_id = p.person_id
                 and (p.date_of_birth + make_interval(years => b.birthday_age::int))::date between ${start} and ${ref}))`;
  const total = Number(
    (await sql<{ n: number }>`select count(*)::int as n from person p where p.la_code = ${laCode} and p.is_child and ${inReturn}`.execute(db)).rows[0]?.n ?? 0,
  );
  const d = (col: string) => sql.raw(`to_char(${col}, 'DD/MM/YYYY')`);
  // A date after 31 March is not yet known on it.
  const sdqAsked = sql`(age(${ref}::date, p.date_of_birth) >= interval '4 years' and age(${start}::date, p.date_of_birth) < interval '17 years')`;
  const known = (col: string) => sql.raw(`case when ${col} <= '${ref}' then to_char(${col}, 'DD/MM/YYYY') end`);

  let last = '';
  let done = 0;
  for (;;) {
    const people = (
      await sql<Row & { person_id: string; la_child_id: string }>`
        select p.person_id, p.la_child_id as "CHILD", p.la_child_id, p.sex as "SEX", ${d('p.date_of_birth')} as "DOB", p.ethnicity as "ETHNIC",
               coalesce(p.upn, p.upn_unknown) as "UPN",
               -- Motherhood is asked of girls looked after in the year, not of care leavers only in OC3 (rule 628).
               case when p.sex = 'F' and ${looked} then (case when m.baby_dob is not null or m.baby_id is not null then '1' else '0' end) end as "MOTHER",
               case when p.sex = 'F' and ${looked} then ${d('m.baby_dob')} end as "MC_DOB"
        from person p
        left join lateral (select r.person_id as baby_id, b.date_of_birth as baby_dob from relationship r
                           join person b on b.la_code = r.la_code and b.person_id = r.person_id
                           where r.la_code = p.la_code and r.related_person_id = p.person_id and r.relationship_type = 'mother'
                             and (b.date_of_birth is null or b.date_of_birth <= ${ref})
                           order by b.date_of_birth desc nulls last limit 1) m on true
        where p.la_code = ${laCode} and p.is_child and p.la_child_id > ${last} and ${inReturn}
        order by p.la_child_id limit ${BATCH}`.execute(db)
    ).rows;
    if (people.length === 0) break;
    last = people.at(-1)?.la_child_id as string;
    const ids = people.map((p) => p.person_id);
    const batch = sql`${laCode} and x.child_id = any(${ids}::uuid[])`;
    const [episodes, reviews, uasc, oc2, oc3, ad1, placed, prevPerm, missing, sw, dolo] = await Promise.all([
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('x.start_date')} as "DECOM", x.reason_new_episode as "RNE", x.legal_status as "LS",
               x.category_of_need as "CIN", x.placement_type as "PLACE", x.placement_provider as "PLACE_PROVIDER",
               ${known('x.end_date')} as "DEC", case when x.end_date <= ${ref} then x.reason_ended end as "REC",
               case when x.end_date <= ${ref} then x.reason_place_change end as "REASON_PLACE_CHANGE",
               x.home_postcode as "HOME_POST", x.placement_postcode as "PL_POST", x.urn as "URN"
        from cla_episode x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and ${episodeInYear('x')}
        order by p.la_child_id, x.start_date, x.end_date nulls last`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", ${d('x.held_on')} as "REVIEW", x.participation as "REVIEW_CODE"
        from cla_review x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and x.held_on between ${start} and ${ref}
        order by p.la_child_id, x.held_on`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", p.sex as "SEX", ${d('p.date_of_birth')} as "DOB", ${known('x.ceased_on')} as "DUC"
        from uasc_record x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and x.referred_on <= ${ref}
        order by p.la_child_id`.execute(db),
      // Looked after continuously for 12 months at 31 March: in a period of care from 1 April
      // (or before) to 31 March (or after), with no short-break (V3/V4) episode in the year.
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB",
               -- No SDQ is asked of a child under 4 at 31 March or 17 by 1 April: both blank (rules 188, 189),
               -- though the record says why there is none (SDQ1).
               case when not ${sdqAsked} then null else o.sdq_score::text end as "SDQ_SCORE",
               case when not ${sdqAsked} then null else o.sdq_reason end as "SDQ_REASON",
               case when age(${ref}::date, p.date_of_birth) >= interval '10 years' then ${sql.raw(flagSql('o.convicted'))} end as "CONVICTED",
               case when age(${ref}::date, p.date_of_birth) < interval '5 years' then
                 (case when exists (select 1 from health_check h where h.la_code = x.la_code and h.child_id = x.child_id
                                    and h.done_on between ${start} and ${ref}) then '1' else '0' end) end as "HEALTH_CHECK",
               ${sql.raw(flagSql('o.immunisations_up_to_date'))} as "IMMUNISATIONS",
               case when exists (select 1 from health_check h where h.la_code = x.la_code and h.child_id = x.child_id and h.kind = 'dental'
                                 and h.done_on between ${start} and ${ref}) then '1' else '0' end as "TEETH_CHECK",
               case when exists (select 1 from health_check h where h.la_code = x.la_code and h.child_id = x.child_id and h.kind <> 'dental'
                                 and h.done_on between ${start} and ${ref}) then '1' else '0' end as "HEALTH_ASSESSMENT",
               ${sql.raw(flagSql('o.substance_misuse'))} as "SUBSTANCE_MISUSE",
               case when o.substance_misuse then ${sql.raw(flagSql('o.intervention_received'))} end as "INTERVENTION_RECEIVED",
               case when o.substance_misuse and not coalesce(o.intervention_received, false) then ${sql.raw(flagSql('o.intervention_offered'))} end as "INTERVENTION_OFFERED"
        from care_period x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        left join lateral (select * from health_outcome h where h.la_code = x.la_code and h.child_id = x.child_id and h.recorded_on <= ${ref}
                           order by h.recorded_on desc, h.created_at desc limit 1) o on true
        where x.la_code = ${batch} and x.start_date <= ${start} and (x.end_date is null or x.end_date >= ${ref})
          and not exists (select 1 from cla_episode e where e.la_code = x.la_code and e.child_id = x.child_id and e.legal_status in ('V3', 'V4')
                          and ${episodeInYear('e')})
        order by p.la_child_id`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", x.in_touch as "IN_TOUCH", x.activity as "ACTIV", x.accommodation as "ACCOM"
        from leaver_birthday_contact x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and (p.date_of_birth + make_interval(years => x.birthday_age::int))::date between ${start} and ${ref}
        order by p.la_child_id, x.birthday_age`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", ${d('x.decision_on')} as "DATE_INT", ${d('x.matched_on')} as "DATE_MATCH",
               ${sql.raw(flagSql('x.foster_carer_adoption'))} as "FOSTER_CARE", x.adopter_count::text as "NB_ADOPTR", x.adopter_sex as "SEX_ADOPTR",
               x.adopter_legal_status as "LS_ADOPTR"
        from adoption x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and x.adoption_order_on between ${start} and ${ref}
        order by p.la_child_id, x.adoption_order_on`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", ${d('x.decision_on')} as "DATE_PLACED",
               ${known('coalesce(x.no_longer_on, x.placed_ceased_on)')} as "DATE_PLACED_CEASED",
               case when coalesce(x.no_longer_on, x.placed_ceased_on) <= ${ref} then x.placed_ceased_reason end as "REASON_PLACED_CEASED"
        from adoption x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and x.decision_on <= ${ref} and (coalesce(x.no_longer_on, x.placed_ceased_on) is null or coalesce(x.no_longer_on, x.placed_ceased_on) >= ${start})
        order by p.la_child_id, x.decision_on`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", x.prev_perm as "PREV_PERM", x.la_perm as "LA_PERM", x.date_perm as "DATE_PERM"
        from previous_permanence x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        join care_period c on c.la_code = x.la_code and c.period_id = x.period_id
        where x.la_code = ${batch} and c.start_date between ${start} and ${ref}
        order by p.la_child_id, c.start_date`.execute(db),
      sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", x.kind as "MISSING",
               ${d("(x.started_at at time zone 'Europe/London')::date")} as "MIS_START",
               ${known("(x.ended_at at time zone 'Europe/London')::date")} as "MIS_END"
        from missing_episode x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and (x.started_at at time zone 'Europe/London')::date between ${start} and ${ref}
        order by p.la_child_id, x.started_at`.execute(db),
      sql<Row & { start_reason: string | null }>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", coalesce(w.swe_number, 'XX' || upper(substr(replace(w.worker_id::text, '-', ''), 1, 8))) as "SW_ID",
               ${d('x.start_date')} as "SW_DECOM", ${known('x.end_date')} as "SW_DEC", x.start_reason
        from allocation x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        join worker w on w.la_code = x.la_code and w.worker_id = x.worker_id
        where x.la_code = ${batch} and x.allocation_role = 'social-worker' and ${episodeInYear('x')}
          and (x.end_date is null or x.end_date > x.start_date)
        order by p.la_child_id, x.start_date`.execute(db),
      // In force at some time in the year: made by 31 March, not ended before 1 April.
      withDolo
        ? sql<Row>`
        select p.la_child_id as "CHILD", ${d('p.date_of_birth')} as "DOB", ${d('x.made_on')} as "DOLO_START",
               ${known('coalesce(x.ended_on, x.expires_on)')} as "DOLO_END"
        from deprivation_of_liberty_order x join person p on p.la_code = x.la_code and p.person_id = x.child_id
        where x.la_code = ${batch} and x.made_on <= ${ref} and (coalesce(x.ended_on, x.expires_on) is null or coalesce(x.ended_on, x.expires_on) >= ${start})
        order by p.la_child_id, x.made_on`.execute(db)
        : { rows: [] as Row[] },
    ]);
    await write('Header', people);
    await write('Episodes', episodes.rows);
    await write('Reviews', reviews.rows);
    await write('UASC', uasc.rows);
    await write('OC2', oc2.rows);
    await write('OC3', oc3.rows);
    await write('AD1', ad1.rows);
    await write('PlacedAdoption', placed.rows);
    await write('PrevPerm', prevPerm.rows);
    await write('Missing', missing.rows);
    await write(
      'SWEpisodes',
      sw.rows.map((r) => ({ ...r, SW_REASON: swReason(r.start_reason) })),
    );
    await write('DoLo', dolo.rows);
    if (options.actor) await auditReturnReads(db, options.actor, laCode, 'ssda903', year, ids);
    done += people.length;
    options.onProgress?.(done, total);
  }
  for (const t of tables) files[t]?.csv.end();
  await Promise.all(tables.map((t) => finished((files[t] as { file: WriteStream }).file)));
  return { laCode, year, rows, seconds: (performance.now() - began) / 1000 };
}

function flagSql(col: string): string {
  return `case when ${col} is null then null when ${col} then '1' else '0' end`;
}
