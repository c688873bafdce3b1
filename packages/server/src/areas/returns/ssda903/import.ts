/**
 * Loads a council's SSDA903 return (a folder of CSV tables) as its looked-after children:
 * children (matched by LA child id), episodes of care (with their periods and placements),
 * reviews, missing episodes, UASC records, adoption, previous permanence, OC2 health outcomes and
 * checks, OC3 birthday contacts and social worker allocations — with the chronology, first record
 * versions and audit rows a typed-in history has, and every deadline derived afterwards by the
 * timescales engine, in the same transaction.
 *
 * As the CIN census import (and for the same reason: a national return is 85,000 children), it
 * writes set-wise a batch of children at a time rather than one API step per event.
 * - The council: --la-code, else the only council in the database, else the LA number in the
 *   children's UPNs (councils.csv); a new council is created.
 * - All or nothing: one transaction; a file that cannot be read writes nothing.
 * - Idempotent: the same files (by hash) are recognised and not read again; otherwise each record
 *   is matched by its natural key (child and start date, or date) and what is there is kept.
 * - What the case record cannot hold (no valid start date, an unknown code) is reported with
 *   the table, row and reason, and the rest is loaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { todayInEngland } from '@lantern/core/calendar';
import { SSDA903_UPN_UNKNOWN } from '@lantern/core/codes';
import { type Kysely, sql, type Transaction } from 'kysely';
import { insertRowsStatements, replanAsTablesGrow } from '../../../kernel/db/insert-rows.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch, type Ledger } from '../../../kernel/ledger.ts';
import { loadReturnDir, ReturnFileError } from './files.ts';
import { importActor, type ReturnActor } from '../audit.ts';
import { finishImport, ImportRefused, importTrail, MAX_NOT_PLACED, priorImport, type ReturnImportResult, writeTrail } from '../import-result.ts';
import { councilByLaNumber, englishCouncils } from '../reference.ts';

export type NotPlaced = { child: string | null; table: string; row: number; reason: string };
export type Ssda903Import = ReturnImportResult<NotPlaced>;

const BATCH = 1000;
const SOURCE = 'ssda903-import';
const NOTE = 'Recorded in the SSDA903 return imported into Lantern';

/** dd/mm/yyyy to ISO, or null. */
function iso(s: string | undefined): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s ?? '');
  if (!m) return null;
  const [, d, mo, y] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1 ? `${y}-${mo}-${d}` : null;
}
const flag = (s: string | undefined) => (s === '1' ? true : s === '0' ? false : null);
const addYears = (isoDate: string, n: number) => `${Number(isoDate.slice(0, 4)) + n}${isoDate.slice(4)}`;

const RNE = new Set(['S', 'L', 'P', 'T', 'B', 'U']);
const CIN = new Set(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
const PROVIDERS = new Set(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
const PN = new Set(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const UPN_UNKNOWN = new Set(SSDA903_UPN_UNKNOWN);

const TABLES = [
  'worker',
  'person',
  'relationship',
  'cla_episode',
  'cla_review',
  'missing_episode',
  'uasc_record',
  'adoption',
  'previous_permanence',
  'health_outcome',
  'health_check',
  'care_leaver',
  'leaver_birthday_contact',
  'allocation',
] as const;
type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

type Return = Awaited<ReturnType<typeof loadReturnDir>>['tables'];

/** A table's rows grouped by child (row indexes, in file order). */
function byChild(r: Return, table: keyof Return): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const child = r[table]?.columns.CHILD ?? [];
  child.forEach((c, i) => {
    const list = out.get(c);
    if (list) list.push(i);
    else out.set(c, [i]);
  });
  return out;
}

async function hashDir(dir: string, files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update(await readFile(path.join(dir, f)));
  }
  return h.digest('hex');
}

export async function importSsda903(
  db: Kysely<Database>,
  dir: string,
  options: {
    actor: ReturnActor;
    year: number;
    laCode?: string;
    /** What the import is recorded as coming from, when not the folder (an upload's file names). */
    source?: string;
    onProgress?: (done: number, total: number, stage: string) => void;
  },
): Promise<Ssda903Import> {
  const began = performance.now();
  const { year, actor } = options;
  let loaded: Awaited<ReturnType<typeof loadReturnDir>>;
  try {
    loaded = await loadReturnDir(dir);
  } catch (error) {
    if (error instanceof ReturnFileError) throw new ImportRefused(`${error.message}; nothing was imported`);
    throw error;
  }
  const r = loaded.tables;
  if (!r.Header)
    throw new ImportRefused(`${dir} has no Header table (a CSV with the columns CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB); nothing was imported`);
  const sha256 = await hashDir(
    dir,
    loaded.files.map((f) => f.file),
  );
  const council = await findCouncil(db, options.laCode, r.Header.columns.UPN ?? []);
  const laCode = council.laCode;
  const start = `${year - 1}-04-01`;
  const ref = `${year}-03-31`;
  const result: Ssda903Import = {
    importId: null,
    laCode,
    councilName: council.name,
    year,
    children: r.Header.length,
    alreadyImported: false,
    written: {},
    notPlaced: [],
    seconds: 0,
  };
  const groups = Object.fromEntries(
    (['Episodes', 'Reviews', 'UASC', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm', 'Missing', 'SWEpisodes'] as const).map((t) => [t, byChild(r, t)]),
  ) as Record<string, Map<string, number[]>>;

  await batch(db, importActor(actor, laCode), async (ledger) => {
    const trx = ledger.db;
    const prior = await priorImport(trx, { laCode, laNumber: council.laNumber, name: council.name }, 'ssda903', sha256);
    if (prior) {
      result.alreadyImported = true;
      result.importId = prior;
      return;
    }
    const importId = randomUUID();
    result.importId = importId;
    const workers = new Map<string, string>(
      (
        await sql<{
          swe_number: string;
          worker_id: string;
        }>`select swe_number, worker_id from worker where la_code = ${laCode} and swe_number is not null`.execute(trx)
      ).rows.map((w) => [w.swe_number, w.worker_id]),
    );
    const ctx: Ctx = { ledger, trx, laCode, actor, importId, result, r, groups, start, ref, workers, year };
    const header = r.Header as NonNullable<Return['Header']>;
    const seen = new Set<string>();
    // Each batch's records are read and its rows made while the batch before is being written,
    // so the database and this process work at once. That is safe because no child is in two
    // batches (a second Header row for a child is reported, not imported).
    let writing: Promise<void> | null = null;
    for (let k = 0; k < header.length; k += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, header.length - k) }, (_, j) => k + j);
      const existing = await loadExisting(
        ctx,
        rows.map((i) => header.columns.CHILD?.[i] ?? ''),
      ).catch(async (error: unknown) => {
        await writing; // the write's own failure, rather than the aborted transaction it left
        throw error;
      });
      const write = await prepareBatch(ctx, rows, seen, existing);
      if (writing) await writing;
      const done = Math.min(k + BATCH, header.length);
      writing = replanAsTablesGrow(trx, k / BATCH)
        .then(write)
        .then(() => options.onProgress?.(done, header.length, 'Children imported'));
      writing.catch(() => undefined); // awaited above or below; this only stops an early failure counting as unhandled
    }
    if (writing) await writing;
    await finishImport(ledger, {
      laCode,
      importId,
      returnType: 'ssda903',
      year,
      fileName: options.source ?? dir,
      sha256,
      actor,
      result,
      onProgress: options.onProgress,
    });
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/** --la-code; the only council in the database; or the LA number most UPNs carry. */
async function findCouncil(db: Kysely<Database>, laCode: string | undefined, upns: string[]) {
  const known = (await db.selectFrom('local_authority').select(['la_code', 'dfe_la_number', 'name']).execute()).map((c) => ({
    laCode: c.la_code,
    laNumber: c.dfe_la_number,
    name: c.name,
  }));
  if (laCode) {
    const c = known.find((x) => x.laCode === laCode) ?? englishCouncils().find((x) => x.laCode === laCode);
    if (!c) throw new ImportRefused(`${laCode} is not an English council the DfE lists (councils.csv)`);
    return c;
  }
  if (known.length === 1) return known[0] as (typeof known)[number];
  const counts = new Map<string, number>();
  for (const u of upns) if (/^[A-Z]\d{12}$|^[A-Z]\d{11}[A-Z]$/.test(u)) counts.set(u.slice(1, 4), (counts.get(u.slice(1, 4)) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const c = top ? councilByLaNumber(top[0]) : undefined;
  if (!c) throw new ImportRefused('The return does not say which council it is from (no UPN carries a known LA number): give --la-code');
  return c;
}

type Ctx = {
  ledger: Ledger;
  trx: Transaction<Database>;
  laCode: string;
  actor: ReturnActor;
  importId: string;
  result: Ssda903Import;
  r: Return;
  groups: Record<string, Map<string, number[]>>;
  start: string;
  ref: string;
  workers: Map<string, string>;
  year: number;
};

type Existing = {
  person: Map<string, { id: string; dob: string | null }>;
  keys: Set<string>; // `${table}|${childId}|${key}`
  episodes: Map<string, { id: string; period: string; placement: string; start: string; end: string | null }[]>;
  adoptions: Map<string, { id: string; decision: string; placed: string | null; closed: boolean }[]>;
};

async function loadExisting(ctx: Ctx, laChildIds: string[]): Promise<Existing> {
  const { trx, laCode } = ctx;
  const existing: Existing = { person: new Map(), keys: new Set(), episodes: new Map(), adoptions: new Map() };
  const people = (
    await sql<{ person_id: string; la_child_id: string; dob: string | null }>`
      select person_id, la_child_id, date_of_birth::text as dob from person where la_code = ${laCode} and la_child_id = any(${laChildIds}::text[])`.execute(trx)
  ).rows;
  for (const p of people) existing.person.set(p.la_child_id, { id: p.person_id, dob: p.dob });
  const ids = people.map((p) => p.person_id);
  if (ids.length === 0) return existing;
  const eps = (
    await sql<{ cla_episode_id: string; child_id: string; period_id: string; placement_id: string; s: string; e: string | null }>`
      select cla_episode_id, child_id, period_id, placement_id, start_date::text as s, end_date::text as e from cla_episode
      where la_code = ${laCode} and child_id = any(${ids}::uuid[]) order by start_date`.execute(trx)
  ).rows;
  for (const e of eps) {
    const list = existing.episodes.get(e.child_id) ?? [];
    list.push({ id: e.cla_episode_id, period: e.period_id, placement: e.placement_id, start: e.s, end: e.e });
    existing.episodes.set(e.child_id, list);
  }
  const keys = (
    await sql<{ k: string }>`
      select 'review|' || child_id || '|' || held_on as k from cla_review where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'missing|' || child_id || '|' || (started_at at time zone 'Europe/London')::date from missing_episode where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'uasc|' || child_id || '|' from uasc_record where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'prevperm|' || child_id || '|' || period_id from previous_permanence where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'outcome|' || child_id || '|' || recorded_on from health_outcome where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'check|' || child_id || '|' || kind || '|' || done_on from health_check where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'leaver|' || child_id || '|' from care_leaver where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'birthday|' || child_id || '|' || birthday_age from leaver_birthday_contact where la_code = ${laCode} and child_id = any(${ids}::uuid[])
      union all select 'sw|' || child_id || '|' || start_date from allocation where la_code = ${laCode} and child_id = any(${ids}::uuid[]) and allocation_role = 'social-worker'
      union all select 'mother|' || related_person_id || '|' from relationship where la_code = ${laCode} and related_person_id = any(${ids}::uuid[]) and relationship_type = 'mother'`.execute(
      trx,
    )
  ).rows;
  for (const k of keys) existing.keys.add(k.k);
  const ads = (
    await sql<{ adoption_id: string; child_id: string; d: string; p: string | null; closed: boolean }>`
      select adoption_id, child_id, decision_on::text as d, placed_on::text as p, (adoption_order_on is not null or no_longer_on is not null) as closed
      from adoption where la_code = ${laCode} and child_id = any(${ids}::uuid[])`.execute(trx)
  ).rows;
  for (const a of ads) {
    const list = existing.adoptions.get(a.child_id) ?? [];
    list.push({ id: a.adoption_id, decision: a.d, placed: a.p, closed: a.closed });
    existing.adoptions.set(a.child_id, list);
  }
  return existing;
}

/** A batch's rows, made from the return and what is already recorded; returns their write. */
async function prepareBatch(ctx: Ctx, headerRows: number[], seen: Set<string>, existing: Existing): Promise<() => Promise<void>> {
  const { ledger, trx, laCode, actor, importId, result, r, groups, start, ref, workers } = ctx;
  const H = (r.Header as NonNullable<Return['Header']>).columns;
  const col = (t: keyof Return, c: string, i: number) => r[t]?.columns[c]?.[i] ?? '';
  const rows = Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Rows;
  const closures: { id: string; end_date: string; rec: string; change: string | null; child_id: string }[] = [];
  const skip = (child: string | null, table: string, row: number, reason: string) => {
    if (result.notPlaced.length < MAX_NOT_PLACED) result.notPlaced.push({ child, table, row: row + 2, reason });
  };
  const { trail, audit, updated, chronology } = importTrail(importId, SOURCE);
  const newKey = (k: string) => {
    if (existing.keys.has(k)) return false;
    existing.keys.add(k);
    return true;
  };

  let made = 0;
  for (const h of headerRows) {
    // Now and then, let the batch being written send its next statement.
    if (++made % 100 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const laChildId = H.CHILD?.[h] ?? '';
    if (!laChildId) {
      skip(null, 'Header', h, 'The child has no CHILD (LA child id), so cannot be matched or recorded');
      continue;
    }
    if (seen.has(laChildId)) {
      skip(laChildId, 'Header', h, 'A second Header row for the same child: only the first is imported');
      continue;
    }
    seen.add(laChildId);
    let person = existing.person.get(laChildId);
    if (!person) {
      const sex = H.SEX?.[h] ?? '';
      if (!['M', 'F', 'U'].includes(sex)) {
        skip(laChildId, 'Header', h, `SEX "${sex}" is not M, F or U`);
        continue;
      }
      const dob = iso(H.DOB?.[h]);
      if (!dob) {
        skip(laChildId, 'Header', h, 'DOB is not a date (dd/mm/yyyy)');
        continue;
      }
      const upn = H.UPN?.[h] ?? '';
      const id = randomUUID();
      const row = {
        la_code: laCode,
        person_id: id,
        is_child: true,
        la_child_id: laChildId,
        // The return carries no names: the child is named by their LA child id until the council adds one.
        given_name: 'Unnamed',
        family_name: laChildId,
        date_of_birth: dob,
        sex,
        ethnicity: H.ETHNIC?.[h] || null,
        upn: upn && !UPN_UNKNOWN.has(upn) ? upn : null,
        upn_unknown: UPN_UNKNOWN.has(upn) ? upn : null,
        uasc: (groups.UASC?.get(laChildId)?.length ?? 0) > 0,
        created_by: actor.userId,
        updated_by: actor.userId,
      };
      rows.person.push(row);
      audit(id, 'person', id);
      chronology(id, todayInEngland(), 'record', 'Child recorded from the SSDA903 return', 'child', id);
      person = { id, dob };
      existing.person.set(laChildId, person);
    }
    const childId = person.id;
    const dob = person.dob;

    // The child's own child (MOTHER = 1): a person, related as her child.
    if (H.MOTHER?.[h] === '1' && newKey(`mother|${childId}|`)) {
      const babyId = randomUUID();
      rows.person.push({
        la_code: laCode,
        person_id: babyId,
        is_child: false,
        given_name: 'Unnamed',
        family_name: `child of ${laChildId}`,
        date_of_birth: iso(H.MC_DOB?.[h]),
        sex: 'U',
        created_by: actor.userId,
        updated_by: actor.userId,
      });
      const relationshipId = randomUUID();
      rows.relationship.push({
        la_code: laCode,
        relationship_id: relationshipId,
        person_id: babyId,
        related_person_id: childId,
        relationship_type: 'mother',
        notes: NOTE,
        created_by: actor.userId,
      });
      audit(childId, 'person', babyId);
      audit(childId, 'relationship', relationshipId);
    }

    // Episodes, oldest first; a new period of care starts with RNE S or after a gap.
    const known = existing.episodes.get(childId) ?? [];
    existing.episodes.set(childId, known);
    // Oldest first; of two starting the same day, an episode of no length (rule 355) goes last,
    // so it is the one reported and the real one is kept.
    const epKey = (j: number) => {
      const decom = iso(col('Episodes', 'DECOM', j)) ?? '';
      return `${decom}|${iso(col('Episodes', 'DEC', j)) === decom ? 1 : 0}`;
    };
    const epRows = [...(groups.Episodes?.get(laChildId) ?? [])].sort((a, b) => epKey(a).localeCompare(epKey(b)));
    const inFile = new Set<string>();
    for (const i of epRows) {
      const e = (c: string) => col('Episodes', c, i);
      const decom = iso(e('DECOM'));
      if (!decom) {
        skip(laChildId, 'Episodes', i, 'DECOM is not a date (dd/mm/yyyy)');
        continue;
      }
      const dec = iso(e('DEC'));
      const rec = e('REC');
      if (!RNE.has(e('RNE')) || !CIN.has(e('CIN')) || !e('LS') || !e('PLACE')) {
        skip(laChildId, 'Episodes', i, 'RNE, LS, CIN and PLACE must each hold a DfE code');
        continue;
      }
      if (!!dec !== !!rec) {
        skip(laChildId, 'Episodes', i, 'An episode that ends needs both DEC and REC');
        continue;
      }
      if (dec && dec < decom) {
        skip(laChildId, 'Episodes', i, 'DEC is before DECOM');
        continue;
      }
      if (e('PLACE_PROVIDER') && !PROVIDERS.has(e('PLACE_PROVIDER'))) {
        skip(laChildId, 'Episodes', i, `PLACE_PROVIDER "${e('PLACE_PROVIDER')}" is not PR0–PR5`);
        continue;
      }
      if (inFile.has(decom)) {
        skip(laChildId, 'Episodes', i, 'A second episode with the same DECOM: a child has one episode starting on a day');
        continue;
      }
      inFile.add(decom);
      const same = known.find((k) => k.start === decom);
      if (same) {
        // A later return may end an episode an earlier one left open.
        if (!same.end && dec) {
          closures.push({ id: same.id, end_date: dec, rec, change: e('REASON_PLACE_CHANGE') || null, child_id: childId });
          same.end = dec;
        }
        continue;
      }
      const before = known.filter((k) => k.start < decom).at(-1);
      if (!dec && known.some((k) => !k.end)) {
        skip(laChildId, 'Episodes', i, 'The child already has an open episode: a child has one open episode at a time');
        continue;
      }
      const id = randomUUID();
      const continues = e('RNE') !== 'S' && before?.end === decom;
      const period = continues && before ? before.period : id;
      const placement = continues && before && e('RNE') === 'L' ? before.placement : randomUUID();
      rows.cla_episode.push({
        la_code: laCode,
        cla_episode_id: id,
        child_id: childId,
        period_id: period,
        placement_id: placement,
        start_date: decom,
        reason_new_episode: e('RNE'),
        legal_status: e('LS'),
        category_of_need: e('CIN'),
        placement_type: e('PLACE'),
        placement_provider: e('PLACE_PROVIDER') || null,
        urn: e('URN') || null,
        placement_postcode: e('PL_POST') || null,
        home_postcode: e('HOME_POST') || null,
        end_date: dec,
        reason_ended: dec ? rec : null,
        reason_place_change: e('REASON_PLACE_CHANGE') || null,
        recorded_by: actor.userId,
      });
      known.push({ id, period, placement, start: decom, end: dec });
      known.sort((a, b) => a.start.localeCompare(b.start));
      audit(childId, 'cla-episode', id);
      chronology(
        childId,
        decom,
        'looked-after',
        e('RNE') === 'S' ? `Became looked after (${e('LS')}, placement ${e('PLACE')})` : `New episode of care (${e('RNE')}: ${e('LS')}, ${e('PLACE')})`,
        'cla-episode',
        id,
      );
      if (dec && rec !== 'X1') chronology(childId, dec, 'looked-after', `Ceased to be looked after (${rec})`, 'cla-episode', id);
    }
    const periodOn = (day: string) => {
      const inside = known.find((k) => k.start <= day && (!k.end || k.end >= day));
      return inside?.period ?? known.filter((k) => k.start <= day).at(-1)?.period ?? null;
    };

    for (const i of groups.Reviews?.get(laChildId) ?? []) {
      const held = iso(col('Reviews', 'REVIEW', i));
      const code = col('Reviews', 'REVIEW_CODE', i);
      if (!held && !code) continue; // a blank review row says nothing
      if (!held || !PN.has(code)) {
        skip(laChildId, 'Reviews', i, 'A review needs a REVIEW date and a REVIEW_CODE PN0–PN7');
        continue;
      }
      const period = periodOn(held);
      if (!period) {
        skip(laChildId, 'Reviews', i, 'The review is before any episode of care of the child');
        continue;
      }
      if (!newKey(`review|${childId}|${held}`)) continue;
      const id = randomUUID();
      rows.cla_review.push({
        la_code: laCode,
        review_id: id,
        child_id: childId,
        period_id: period,
        held_on: held,
        participation: code,
        recorded_by: actor.userId,
      });
      audit(childId, 'cla-review', id);
      chronology(childId, held, 'review', 'Looked-after review', 'cla-review', id);
    }

    for (const i of groups.Missing?.get(laChildId) ?? []) {
      const from = iso(col('Missing', 'MIS_START', i));
      const to = iso(col('Missing', 'MIS_END', i));
      const kind = col('Missing', 'MISSING', i);
      if (!from || (kind !== 'M' && kind !== 'A')) {
        skip(laChildId, 'Missing', i, 'A missing episode needs MISSING M or A and a MIS_START date');
        continue;
      }
      if (to && to < from) {
        skip(laChildId, 'Missing', i, 'MIS_END is before MIS_START');
        continue;
      }
      if (!newKey(`missing|${childId}|${from}`)) continue;
      const id = randomUUID();
      // The return has days, not times: noon, so the day is the same in London and UTC.
      rows.missing_episode.push({
        la_code: laCode,
        missing_id: id,
        child_id: childId,
        period_id: periodOn(from),
        kind,
        started_at: `${from}T12:00:00Z`,
        ended_at: to ? `${to}T12:00:00Z` : null,
        circumstances: NOTE,
        recorded_by: actor.userId,
      });
      audit(childId, 'missing-episode', id);
      chronology(childId, from, 'missing', kind === 'M' ? 'Missing from care' : 'Away from placement without authorisation', 'missing-episode', id);
    }

    for (const i of groups.UASC?.get(laChildId) ?? []) {
      const firstCare = known[0]?.start ?? null;
      if (!firstCare) {
        skip(laChildId, 'UASC', i, 'A UASC record for a child with no episode of care (its referral date comes from the first episode)');
        continue;
      }
      if (!newKey(`uasc|${childId}|`)) continue;
      rows.uasc_record.push({
        la_code: laCode,
        child_id: childId,
        referred_on: firstCare,
        referral_route: 'other',
        age_assessment: 'not-needed',
        ceased_on: iso(col('UASC', 'DUC', i)),
        notes: `${NOTE}: the return does not carry the referral, so its date is the first episode's`,
        created_by: actor.userId,
      });
      audit(childId, 'uasc-record', childId);
    }

    for (const i of groups.PrevPerm?.get(laChildId) ?? []) {
      const prev = col('PrevPerm', 'PREV_PERM', i);
      if (!['P1', 'P2', 'P3', 'P4', 'Z1'].includes(prev)) {
        if (prev) skip(laChildId, 'PrevPerm', i, `PREV_PERM "${prev}" is not P1–P4 or Z1`);
        continue;
      }
      // Recorded at the start of the child's period of care in the year.
      const period = known.filter((k) => k.start >= start && k.start <= ref && k.period === k.id).at(-1)?.period;
      if (!period) {
        skip(laChildId, 'PrevPerm', i, 'No period of care starts in the year for the previous permanence to belong to');
        continue;
      }
      if (!newKey(`prevperm|${childId}|${period}`)) continue;
      rows.previous_permanence.push({
        la_code: laCode,
        child_id: childId,
        period_id: period,
        prev_perm: prev,
        la_perm: col('PrevPerm', 'LA_PERM', i) || null,
        date_perm: col('PrevPerm', 'DATE_PERM', i) || null,
        created_by: actor.userId,
      });
      audit(childId, 'previous-permanence', `${childId}:${period}`);
    }

    // OC2: one outcome as at 31 March; the checks done in the year, on 31 March (the return has no dates).
    for (const i of groups.OC2?.get(laChildId) ?? []) {
      const o = (c: string) => col('OC2', c, i);
      const imm = flag(o('IMMUNISATIONS'));
      const misuse = flag(o('SUBSTANCE_MISUSE'));
      if (imm === null || misuse === null) {
        skip(laChildId, 'OC2', i, 'IMMUNISATIONS and SUBSTANCE_MISUSE must be 0 or 1');
        continue;
      }
      const score = /^\d{1,2}$/.test(o('SDQ_SCORE')) && Number(o('SDQ_SCORE')) <= 40 ? Number(o('SDQ_SCORE')) : null;
      let reason = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'].includes(o('SDQ_REASON')) ? o('SDQ_REASON') : null;
      if (score !== null) reason = null;
      const ageAtEnd = dob ? Number(ref.slice(0, 4)) - Number(dob.slice(0, 4)) - (ref.slice(5) < dob.slice(5) ? 1 : 0) : null;
      // No score and no reason: the child is outside the SDQ's ages (4–16), which the export leaves blank.
      if (score === null && reason === null) {
        if (ageAtEnd !== null && (ageAtEnd < 4 || ageAtEnd >= 17)) reason = 'SDQ1';
        else {
          skip(laChildId, 'OC2', i, 'Neither an SDQ_SCORE (0–40) nor an SDQ_REASON for a child aged 4 to 16');
          continue;
        }
      }
      if (newKey(`outcome|${childId}|${ref}`)) {
        const id = randomUUID();
        rows.health_outcome.push({
          la_code: laCode,
          outcome_id: id,
          child_id: childId,
          recorded_on: ref,
          immunisations_up_to_date: imm,
          sdq_score: score,
          sdq_reason: reason,
          substance_misuse: misuse,
          intervention_received: flag(o('INTERVENTION_RECEIVED')),
          intervention_offered: flag(o('INTERVENTION_OFFERED')),
          convicted: flag(o('CONVICTED')) ?? false,
          created_by: actor.userId,
        });
        audit(childId, 'health-outcome', id);
      }
      const check = (kind: string, summary: string) => {
        if (!newKey(`check|${childId}|${kind}|${ref}`)) return;
        const id = randomUUID();
        rows.health_check.push({
          la_code: laCode,
          check_id: id,
          child_id: childId,
          kind,
          done_on: ref,
          notes: `${NOTE}: done in the year; the return does not give the date`,
          created_by: actor.userId,
        });
        audit(childId, 'health-check', id);
        chronology(childId, ref, 'health', summary, 'health-check', id);
      };
      if (o('HEALTH_ASSESSMENT') === '1' || o('HEALTH_CHECK') === '1') check('review-health-assessment', 'Health assessment (from the SSDA903 return)');
      if (o('TEETH_CHECK') === '1') check('dental', 'Dental check (from the SSDA903 return)');
    }

    // OC3: the contact around the birthday in the year.
    for (const i of groups.OC3?.get(laChildId) ?? []) {
      const inTouch = col('OC3', 'IN_TOUCH', i);
      if (!['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'].includes(inTouch) || !dob) {
        skip(laChildId, 'OC3', i, 'IN_TOUCH must be YES, NO, DIED, REFU, NREQ or RHOM (and the child needs a date of birth)');
        continue;
      }
      const age = [17, 18, 19, 20, 21].find((n) => addYears(dob, n) >= start && addYears(dob, n) <= ref);
      if (!age) {
        skip(laChildId, 'OC3', i, 'The young person has no 17th to 21st birthday in the year');
        continue;
      }
      const birthday = addYears(dob, age);
      if (newKey(`leaver|${childId}|`)) {
        rows.care_leaver.push({
          la_code: laCode,
          child_id: childId,
          category: 'former-relevant',
          eligible_from: addYears(dob, 16),
          created_by: actor.userId,
        });
        audit(childId, 'care-leaver', childId);
        chronology(childId, addYears(dob, 16), 'care-leaver', 'Leaving care: former relevant (from the SSDA903 return)', 'care-leaver', childId);
      }
      if (!newKey(`birthday|${childId}|${age}`)) continue;
      rows.leaver_birthday_contact.push({
        la_code: laCode,
        child_id: childId,
        birthday_age: age,
        contact_on: birthday,
        in_touch: inTouch,
        activity: col('OC3', 'ACTIV', i) || '0',
        accommodation: col('OC3', 'ACCOM', i) || '0',
        created_by: actor.userId,
      });
      audit(childId, 'leaver-birthday-contact', `${childId}:${age}`);
    }

    // AD1 (adopted in the year) and PlacedAdoption: one adoption journey per decision.
    const adoptions = existing.adoptions.get(childId) ?? [];
    existing.adoptions.set(childId, adoptions);
    for (const i of groups.AD1?.get(laChildId) ?? []) {
      const a = (c: string) => col('AD1', c, i);
      const decision = iso(a('DATE_INT'));
      const adopted = epRows
        .map((j) => ({ rec: col('Episodes', 'REC', j), dec: iso(col('Episodes', 'DEC', j)) }))
        .find((x) => (x.rec === 'E11' || x.rec === 'E12') && x.dec && x.dec >= start && x.dec <= ref);
      if (!decision) {
        skip(laChildId, 'AD1', i, 'DATE_INT is not a date (dd/mm/yyyy)');
        continue;
      }
      if (!adopted?.dec) {
        skip(laChildId, 'AD1', i, 'AD1 is for a child adopted in the year, but no episode ends in the year with REC E11 or E12');
        continue;
      }
      const sexes = ['M1', 'F1', 'MM', 'FF', 'MF'];
      const statuses = ['L0', 'L11', 'L12', 'L2', 'L3', 'L4'];
      const found = adoptions.find((x) => x.decision === decision);
      if (found) continue;
      const id = randomUUID();
      rows.adoption.push({
        la_code: laCode,
        adoption_id: id,
        child_id: childId,
        decision_on: decision,
        matched_on: iso(a('DATE_MATCH')),
        adopter_count: a('NB_ADOPTR') === '1' || a('NB_ADOPTR') === '2' ? Number(a('NB_ADOPTR')) : null,
        adopter_sex: sexes.includes(a('SEX_ADOPTR')) ? a('SEX_ADOPTR') : null,
        adopter_legal_status: statuses.includes(a('LS_ADOPTR')) ? a('LS_ADOPTR') : null,
        foster_carer_adoption: flag(a('FOSTER_CARE')),
        adoption_order_on: adopted.dec,
        created_by: actor.userId,
      });
      adoptions.push({ id, decision, placed: null, closed: true });
      audit(childId, 'adoption', id);
      chronology(childId, adopted.dec, 'adoption', 'Adoption order made', 'adoption', id);
    }
    for (const i of groups.PlacedAdoption?.get(laChildId) ?? []) {
      const placed = iso(col('PlacedAdoption', 'DATE_PLACED', i));
      const ceased = iso(col('PlacedAdoption', 'DATE_PLACED_CEASED', i));
      const reason = col('PlacedAdoption', 'REASON_PLACED_CEASED', i);
      if (!placed) {
        skip(laChildId, 'PlacedAdoption', i, 'DATE_PLACED is not a date (dd/mm/yyyy)');
        continue;
      }
      if (!!ceased !== ['RD1', 'RD2', 'RD3', 'RD4'].includes(reason)) {
        skip(laChildId, 'PlacedAdoption', i, 'A placement for adoption that ceased needs both DATE_PLACED_CEASED and REASON_PLACED_CEASED RD1–RD4');
        continue;
      }
      // DATE_PLACED is the date of the decision that the child should be placed (rule 523: AD1's DATE_INT).
      if (adoptions.some((x) => x.decision === placed)) continue;
      if (!ceased && adoptions.some((x) => !x.closed)) {
        skip(laChildId, 'PlacedAdoption', i, 'The child already has an open adoption plan');
        continue;
      }
      const id = randomUUID();
      rows.adoption.push({
        la_code: laCode,
        adoption_id: id,
        child_id: childId,
        decision_on: placed,
        placed_ceased_on: ceased,
        placed_ceased_reason: ceased ? reason : null,
        no_longer_on: ceased,
        no_longer_reason: ceased ? `${NOTE} (${reason})` : null,
        created_by: actor.userId,
      });
      adoptions.push({ id, decision: placed, placed: null, closed: !!ceased });
      audit(childId, 'adoption', id);
      chronology(childId, placed, 'adoption', 'Decision that the child should be placed for adoption', 'adoption', id);
    }

    // SWEpisodes: the allocated social worker, by SWE number (a worker is created when new).
    for (const i of groups.SWEpisodes?.get(laChildId) ?? []) {
      const s = (c: string) => col('SWEpisodes', c, i);
      const from = iso(s('SW_DECOM'));
      const to = iso(s('SW_DEC'));
      if (!from || !s('SW_ID')) {
        skip(laChildId, 'SWEpisodes', i, 'A social worker episode needs SW_ID and SW_DECOM');
        continue;
      }
      if (to && to < from) {
        skip(laChildId, 'SWEpisodes', i, 'SW_DEC is before SW_DECOM');
        continue;
      }
      if (!newKey(`sw|${childId}|${from}`)) continue;
      let workerId = workers.get(s('SW_ID'));
      if (!workerId) {
        workerId = randomUUID();
        workers.set(s('SW_ID'), workerId);
        rows.worker.push({
          la_code: laCode,
          worker_id: workerId,
          given_name: 'Social worker',
          family_name: s('SW_ID'),
          job_role: 'social-worker',
          employment: 'permanent',
          start_date: from,
          swe_number: /^SW[0-9]{1,10}$/.test(s('SW_ID')) ? s('SW_ID') : null,
        });
        audit(null, 'worker', workerId);
      }
      const id = randomUUID();
      rows.allocation.push({
        la_code: laCode,
        allocation_id: id,
        child_id: childId,
        worker_id: workerId,
        allocation_role: 'social-worker',
        start_date: from,
        end_date: to,
        start_reason: s('SW_REASON') || null,
        end_reason: to ? NOTE : null,
        allocated_by: actor.userId,
      });
      audit(childId, 'allocation', id);
      chronology(childId, from, 'allocation', `Social worker ${s('SW_ID')} allocated, from the SSDA903 return`, 'allocation', id);
    }
  }

  const statements = TABLES.flatMap((table) => insertRowsStatements(table, rows[table]));
  for (const table of TABLES) if (rows[table].length > 0) result.written[table] = (result.written[table] ?? 0) + rows[table].length;
  if (closures.length > 0) result.written.closures = (result.written.closures ?? 0) + closures.length;
  const ended = JSON.stringify(closures);
  for (const c of closures) updated(c.child_id, 'cla-episode', c.id, { ended: c.rec });
  return async () => {
    // Closures first: an episode a later return ends must be closed before the child's next
    // open episode goes in (a child has one open episode at a time).
    if (closures.length > 0) {
      await sql`update cla_episode e set end_date = c.end_date, reason_ended = c.rec,
          reason_place_change = coalesce(e.reason_place_change, c.change), version = e.version + 1
        from json_to_recordset(${ended}::json) as c(id uuid, end_date date, rec text, change text)
        where e.la_code = ${laCode} and e.cla_episode_id = c.id and e.end_date is null`.execute(trx);
    }
    for (const statement of statements) await statement.execute(trx);
    await writeTrail(ledger, trail);
  };
}
