/**
 * One batch of the SSDA903 import: its children, their own children, episodes of care, reviews
 * and missing episodes made into rows (the later tables in import-later.ts) against what is
 * already recorded, and the write of those rows with the batch's closures and trail through the ledger.
 */
import { orderedId } from '../../../kernel/db/ordered-id.ts';
import { todayInEngland } from '@lantern/core/calendar';
import { sql } from 'kysely';
import { importTrail, MAX_NOT_PLACED, prepareRecords, prepareTrail } from '../import-result.ts';
import {
  CIN,
  type Ctx,
  type Existing,
  iso,
  NOTE,
  PN,
  PROVIDERS,
  type Return,
  RNE,
  type Rows,
  SOURCE,
  TABLES,
  UPN_UNKNOWN,
  returnValue,
} from './import-context.ts';
import { placeLaterTables } from './import-later.ts';

/** A batch's rows, made from the return and what is already recorded; returns their write. */
export async function prepareBatch(ctx: Ctx, headerRows: number[], seen: Set<string>, existing: Existing): Promise<() => Promise<void>> {
  const { ledger, trx, laCode, actor, importId, result, r, groups } = ctx;
  const col = (t: keyof Return, c: string, i: number) => returnValue(r, t, c, i);
  const H = (c: string, h: number) => col('Header', c, h);
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
    // Every 10 children (about a millisecond), let the batch being written send its next statement:
    // each of its statements waits for this loop to yield, and every 100 left the database idle a
    // quarter of the write (sampled at 85,000 children).
    if (++made % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const laChildId = H('CHILD', h);
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
      const sex = H('SEX', h);
      if (!['M', 'F', 'U'].includes(sex)) {
        skip(laChildId, 'Header', h, `SEX "${sex}" is not M, F or U`);
        continue;
      }
      const dob = iso(H('DOB', h));
      if (!dob) {
        skip(laChildId, 'Header', h, 'DOB is not a date (dd/mm/yyyy)');
        continue;
      }
      const upn = H('UPN', h);
      const id = orderedId();
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
        ethnicity: H('ETHNIC', h) || null,
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
    if (H('MOTHER', h) === '1' && newKey(`mother|${childId}|`)) {
      const babyId = orderedId();
      rows.person.push({
        la_code: laCode,
        person_id: babyId,
        is_child: false,
        given_name: 'Unnamed',
        family_name: `child of ${laChildId}`,
        date_of_birth: iso(H('MC_DOB', h)),
        sex: 'U',
        created_by: actor.userId,
        updated_by: actor.userId,
      });
      const relationshipId = orderedId();
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
      const id = orderedId();
      const continues = e('RNE') !== 'S' && before?.end === decom;
      const period = continues && before ? before.period : id;
      const placement = continues && before && e('RNE') === 'L' ? before.placement : orderedId();
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
      const id = orderedId();
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
      const id = orderedId();
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

    placeLaterTables({ ctx, rows, existing, laChildId, childId, dob, known, epRows, col, skip, newKey, audit, chronology });
  }

  for (const table of TABLES) if (rows[table].length > 0) result.written[table] = (result.written[table] ?? 0) + rows[table].length;
  if (closures.length > 0) result.written.closures = (result.written.closures ?? 0) + closures.length;
  const ended = JSON.stringify(closures);
  for (const c of closures) updated(c.child_id, 'cla-episode', c.id, { ended: c.rec });
  // The rows and trail made ready to send now, while the batch before is written: made by the
  // write itself, the database waited for each table's text.
  // By COPY: the rows hold no string meant as JSON (kernel/db/copy-rows.ts).
  const writeRows = await prepareRecords(ledger, TABLES, rows, { copy: true });
  const writeBatchTrail = await prepareTrail(ledger, trail);
  return async () => {
    // Closures first: an episode a later return ends must be closed before the child's next
    // open episode goes in (a child has one open episode at a time).
    if (closures.length > 0) {
      await sql`update cla_episode e set end_date = c.end_date, reason_ended = c.rec,
          reason_place_change = coalesce(e.reason_place_change, c.change), version = e.version + 1
        from json_to_recordset(${ended}::json) as c(id uuid, end_date date, rec text, change text)
        where e.la_code = ${laCode} and e.cla_episode_id = c.id and e.end_date is null`.execute(trx);
    }
    await writeRows();
    await writeBatchTrail();
  };
}
