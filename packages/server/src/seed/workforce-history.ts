/**
 * The synthetic council's workforce history, written after its staff and children: what the
 * census asks of each worker, newly qualified workers in their ASYE with protected caseloads,
 * new starters' inductions, each team's funded posts (so vacancies show), supervision every
 * few weeks with the directions given on children — and the gaps real councils have — and
 * managers' oversight of open cases (case-oversight.ts). Deterministic for a seed: every choice comes from
 * its own Rng stream and every list is read in a fixed order.
 */
import { CSWW_ETHNICITY } from '@lantern/core/csww';
import { DEFAULT_INDUCTION_CHECKLIST, SUPERVISED_ROLES } from '@lantern/core/workforce';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { ChronologyEntryTable, Database } from '../kernel/db/schema.ts';
import type { Ledger } from '../kernel/ledger.ts';
import { seedCaseOversight } from './case-oversight.ts';
import { chronicleRows } from './trail.ts';
import { dayOf, isoOf, Rng, WeightedPicker } from './rng.ts';
import { bulkRows } from '../kernel/db/copy-rows.ts';
import { insertRows as insertRowsAt, RowLoad } from '../kernel/db/insert-rows.ts';

const ROWS_PER_INSERT = 1000;

const UNIVERSITIES = [
  'University of Worcester',
  'University of Gloucestershire',
  'University of Birmingham',
  'Cardiff University',
  'University of the West of England',
  'Keele University',
  'Open University',
  'University of Bristol',
  'Coventry University',
  'Staffordshire University',
];

const DIRECTIONS = [
  'See {child} alone within the next two weeks and record their words.',
  'Update the chronology and the risk assessment before the review.',
  'Convene a core group meeting this month; invite school and health.',
  'Ask the health visitor for the growth charts and weigh them against the history.',
  'Complete the direct work on {child}’s wishes and feelings before the conference.',
  'Agree the step-down plan with the family and early help; review in four weeks.',
  'Chase the police check on the new partner; a strategy discussion if concerns are confirmed.',
  'Visit unannounced before the end of the month.',
  'Refer to the parenting programme and check attendance weekly.',
  'Write to the GP for the missed appointments and discuss at the next supervision.',
];

const REASON_LEAVE = WeightedPicker.of<string>([
  ['1', 0.62],
  ['5', 0.08],
  ['7', 0.08],
  ['8', 0.12],
  ['9', 0.1],
]);
const LEAVER_DESTINATION = WeightedPicker.of<string>([
  ['1', 0.32], // another council
  ['3', 0.16], // agency work
  ['4', 0.08],
  ['5', 0.06],
  ['6', 0.1],
  ['7', 0.04],
  ['8', 0.16],
  ['9', 0.08],
]);
const START_ORIGIN = WeightedPicker.of<string>([
  ['1', 0.22], // newly qualified
  ['2', 0.3], // from another council
  ['4', 0.12],
  ['5', 0.16],
  ['10', 0.2],
]);
const ETHNICITY = WeightedPicker.of<string>(CSWW_ETHNICITY.map((e) => [e, e === 'WBRI' ? 14 : e === 'REFU' || e === 'NOBT' ? 0.4 : 0.5] as [string, number]));

type WorkerRow = {
  worker_id: string;
  job_role: string;
  employment: string;
  team_id: string | null;
  start_date: string;
  leave_date: string | null;
  fte: number | string;
};
type AllocationRow = { worker_id: string; child_id: string; given_name: string; start_date: string; end_date: string | null };

const insertRows = (db: Kysely<Database>, table: keyof Database & string, rows: object[]) => insertRowsAt(db, table, rows, ROWS_PER_INSERT);

/**
 * A load of supervision or oversight rows, written as they pile up (RowLoad: a slice of the
 * council's at a time, parents first), the chronology through the ledger.
 */
const historyLoad = (db: Kysely<Database>, ledger: Ledger) =>
  new RowLoad(db, 20_000, async (waiting) => {
    for (const { table, rows } of waiting) {
      if (table === 'chronology_entry') await chronicleRows(ledger, rows as Insertable<ChronologyEntryTable>[]);
      else await bulkRows(db, table, rows);
    }
  });

export async function seedWorkforceHistory(
  ledger: Ledger,
  options: { laCode: string; seed: number; asOf: string; managerUserId: string; auditorUserId: string },
): Promise<Record<string, number>> {
  const { laCode, asOf: asOfIso } = options;
  const db = ledger.db;
  const asOf = dayOf(asOfIso);
  const rng = new Rng(options.seed, 501);
  const ids = new Rng(options.seed, 502);
  const records: Record<string, number> = {};

  const workers = (
    await sql<WorkerRow>`select worker_id, job_role, employment, team_id, start_date::text as start_date, leave_date::text as leave_date, fte
      from worker where la_code = ${laCode} order by worker_id`.execute(db)
  ).rows;
  const managerOf = new Map(
    (
      await sql<{
        team_id: string;
        manager_worker_id: string | null;
      }>`select team_id, manager_worker_id from team where la_code = ${laCode} order by team_id`.execute(db)
    ).rows.map((t) => [t.team_id, t.manager_worker_id]),
  );
  const byId = new Map(workers.map((w) => [w.worker_id, w]));

  // What the census asks of each worker.
  const census = workers.map((w) => {
    const start = dayOf(w.start_date);
    const ageAtStart = 22 + Math.floor(rng.next() ** 1.6 * 30);
    return {
      worker_id: w.worker_id,
      date_of_birth: isoOf(start - ageAtStart * 365 - rng.int(365)),
      gender: rng.chance(0.8) ? '2' : rng.chance(0.97) ? '1' : '9',
      ethnicity: ETHNICITY.pick(rng),
      qualification_institution: rng.pick(UNIVERSITIES),
      qualification_level: rng.chance(0.62) ? '1' : rng.chance(0.92) ? '2' : '3',
      start_origin: START_ORIGIN.pick(rng),
      leave_reason: w.leave_date ? REASON_LEAVE.pick(rng) : null,
      // Newly qualified social workers who started in the last year are in their ASYE.
      asye: w.job_role === 'social-worker' && w.employment === 'permanent' && !w.leave_date && asOf - start < 365 && rng.chance(0.9),
    };
  });
  for (let i = 0; i < census.length; i += ROWS_PER_INSERT) {
    const part = census.slice(i, i + ROWS_PER_INSERT);
    await sql`update worker w set date_of_birth = c.date_of_birth::date, gender = c.gender, ethnicity = c.ethnicity,
        qualification_institution = c.qualification_institution, qualification_level = c.qualification_level,
        start_origin = case when c.asye then '1' else c.start_origin end, leave_reason = c.leave_reason,
        asye_start = case when c.asye then w.start_date end, protected_caseload = case when c.asye then 12 end
      from json_to_recordset(${JSON.stringify(part)}) as c (worker_id uuid, date_of_birth text, gender text, ethnicity text,
        qualification_institution text, qualification_level text, start_origin text, leave_reason text, asye boolean)
      where w.la_code = ${laCode} and w.worker_id = c.worker_id`.execute(db);
  }
  const asyeStart = new Map(census.filter((c) => c.asye).map((c) => [c.worker_id, dayOf(byId.get(c.worker_id)?.start_date as string)]));

  // Where leavers went, and two years of absences: their own stream, so the choices above and
  // below are as they were before these were generated.
  const absenceRng = new Rng(options.seed, 503);
  const destinations: { worker_id: string; leaver_destination: string }[] = [];
  const absences: object[] = [];
  for (const [i, w] of workers.entries()) {
    if (w.leave_date) {
      const reason = census[i]?.leave_reason;
      // A retirement leaves social work; a move within the council is another social care role.
      const destination = reason === '5' ? '6' : reason === '7' ? '5' : LEAVER_DESTINATION.pick(absenceRng);
      destinations.push({ worker_id: w.worker_id, leaver_destination: destination });
    }
    if (w.employment !== 'permanent') continue;
    const until = Math.min(w.leave_date ? dayOf(w.leave_date) : asOf, asOf);
    let day = Math.max(dayOf(w.start_date), asOf - 730) + absenceRng.between(20, 200);
    while (day <= until) {
      const roll = absenceRng.next();
      // Mostly short sickness; some long-term sickness, training, other leave, and parental leave.
      const [reason, days] =
        roll < 0.7
          ? ['SIC', absenceRng.between(1, 4)]
          : roll < 0.78
            ? ['SIC', absenceRng.between(15, 70)]
            : roll < 0.9
              ? ['TRN', absenceRng.between(1, 3)]
              : roll < 0.97
                ? ['OTH', absenceRng.between(1, 5)]
                : ['MAT', absenceRng.between(90, 270)];
      const end = day + (days as number) - 1;
      absences.push({
        la_code: laCode,
        absence_id: absenceRng.uuid(),
        worker_id: w.worker_id,
        start_date: isoOf(day),
        // Running still if it reaches today; a leaver's ends by their leaving day.
        end_date: end >= asOf && !w.leave_date ? null : isoOf(Math.min(end, until)),
        reason,
      });
      day = end + absenceRng.between(40, 260);
    }
  }
  for (let i = 0; i < destinations.length; i += ROWS_PER_INSERT) {
    await sql`update worker w set leaver_destination = c.leaver_destination
      from json_to_recordset(${JSON.stringify(destinations.slice(i, i + ROWS_PER_INSERT))}) as c (worker_id uuid, leaver_destination text)
      where w.la_code = ${laCode} and w.worker_id = c.worker_id`.execute(db);
  }
  if (absences.length) await insertRows(db, 'worker_absence', absences);
  records.worker_absence = absences.length;

  // Inductions for those who started in the last year: most done by twelve weeks, some not.
  const induction: object[] = [];
  for (const w of workers) {
    const start = dayOf(w.start_date);
    if (w.leave_date || asOf - start > 365 || !(SUPERVISED_ROLES as readonly string[]).includes(w.job_role)) continue;
    const diligent = rng.chance(0.7);
    for (const item of DEFAULT_INDUCTION_CHECKLIST) {
      const done = start + rng.between(2, diligent ? 70 : 130);
      induction.push({
        la_code: laCode,
        worker_id: w.worker_id,
        item_id: item.id,
        label: item.label,
        completed_on: done <= asOf && rng.chance(diligent ? 0.97 : 0.7) ? isoOf(done) : null,
        completed_by: done <= asOf ? options.managerUserId : null,
      });
    }
  }
  if (induction.length) await insertRows(db, 'induction_item', induction);
  records.induction_item = induction.length;

  // Funded posts: those filled by permanent staff today, plus the posts agency staff cover, plus a few empty.
  const establishment: object[] = [];
  for (const teamId of managerOf.keys()) {
    const inPost = workers.filter((w) => w.team_id === teamId && w.start_date <= asOfIso && (!w.leave_date || w.leave_date >= asOfIso));
    const fte = (e: string) => inPost.filter((w) => w.employment === e).reduce((n, w) => n + Number(w.fte), 0);
    const funded = Math.round((fte('permanent') + fte('agency') + rng.int(4) * 0.5) * 2) / 2;
    establishment.push({ la_code: laCode, team_id: teamId, effective_from: isoOf(asOf - 730), funded_fte: funded });
  }
  await insertRows(db, 'team_establishment', establishment);
  records.team_establishment = establishment.length;

  // Supervision over the last 18 months, with the directions given on children held.
  const allocations = (
    await sql<AllocationRow>`select a.worker_id, a.child_id, p.given_name, a.start_date::text as start_date, a.end_date::text as end_date
      from allocation a join person p on p.la_code = a.la_code and p.person_id = a.child_id
      where a.la_code = ${laCode} and a.allocation_role = 'social-worker' order by a.worker_id, a.start_date, a.child_id`.execute(db)
  ).rows;
  const held = new Map<string, AllocationRow[]>();
  for (const a of allocations) {
    const list = held.get(a.worker_id) ?? [];
    list.push(a);
    held.set(a.worker_id, list);
  }
  // Some managers are stretched: their team's supervision slips to every five or six weeks.
  const stretched = new Set([...managerOf.keys()].filter(() => rng.chance(0.25)));
  const supervisions: object[] = [];
  const discussed: object[] = [];
  // A supervision before the children discussed in it.
  const supervisionLoad = historyLoad(db, ledger);
  supervisionLoad.track('supervision', supervisions);
  supervisionLoad.track('supervision_child', discussed);
  for (const w of workers) {
    await supervisionLoad.writeIfFull();
    if (!(SUPERVISED_ROLES as readonly string[]).includes(w.job_role) || !w.team_id) continue;
    const supervisor = managerOf.get(w.team_id);
    if (!supervisor || supervisor === w.worker_id) continue;
    const supervisorStart = dayOf(byId.get(supervisor)?.start_date as string);
    const start = dayOf(w.start_date);
    const end = Math.min(w.leave_date ? dayOf(w.leave_date) : asOf, asOf);
    const asye = asyeStart.get(w.worker_id);
    const gapAt = rng.chance(0.15) ? start + rng.int(Math.max(1, end - start)) : -1;
    let day = Math.max(start + rng.between(3, 20), asOf - 540);
    while (day <= end) {
      if (day >= supervisorStart) {
        const supervisionId = ids.uuid();
        supervisions.push({
          la_code: laCode,
          supervision_id: supervisionId,
          worker_id: w.worker_id,
          supervisor_worker_id: supervisor,
          held_on: isoOf(day),
          notes: rng.chance(0.5) ? 'Caseload, wellbeing and learning discussed.' : null,
          recorded_by: options.managerUserId,
        });
        const iso = isoOf(day);
        const open = (held.get(w.worker_id) ?? []).filter((a) => a.start_date <= iso && (a.end_date === null || a.end_date > iso));
        const seen = new Set<string>();
        for (let k = 0; k < Math.min(3, open.length); k++) {
          const a = open[rng.int(open.length)] as AllocationRow;
          if (seen.has(a.child_id)) continue;
          seen.add(a.child_id);
          discussed.push({
            la_code: laCode,
            supervision_id: supervisionId,
            child_id: a.child_id,
            direction: rng.pick(DIRECTIONS).replaceAll('{child}', a.given_name),
          });
        }
      }
      let step: number;
      if (asye !== undefined && day < asye + 365) step = day < asye + 42 ? 7 : day < asye + 182 ? 14 : 28;
      else step = (stretched.has(w.team_id) ? rng.between(35, 45) : 28) + rng.between(-3, 4);
      // A gap: supervision lapses for two to four months (sickness, a manager leaving).
      if (gapAt >= 0 && day < gapAt && day + step >= gapAt) step += rng.between(60, 120);
      day += step;
    }
  }
  await supervisionLoad.write();
  Object.assign(records, supervisionLoad.counts());

  // Open cases: managers' oversight, risk assessments and audits (case-oversight.ts).
  const { managerUserId, auditorUserId } = options;
  Object.assign(records, await seedCaseOversight(db, historyLoad(db, ledger), { laCode, asOf, rng, ids, managerUserId, auditorUserId }));
  return records;
}
