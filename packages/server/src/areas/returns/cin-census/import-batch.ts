/**
 * One batch of the CIN census import: its children and their episodes made into rows (their
 * modules in import-modules.ts) against what is already recorded, and the write of those rows
 * with the batch's endings, closures and trail through the ledger.
 */
import { randomUUID } from 'node:crypto';
import { DISABILITY, ETHNICITY, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CLOSURE_REASON } from '@lantern/core/pathway';
import { type CensusChild, yesNo } from '@lantern/core/returns/cin-census/model';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../kernel/db/schema.ts';
import type { Ledger } from '../../../kernel/ledger.ts';
import type { ReturnActor } from '../audit.ts';
import { importTrail, MAX_NOT_PLACED, writeRecords, writeTrail } from '../import-result.ts';
import { type ChildInBatch, date, type Ending, type Existing, has, IMPORT_REASON, type Rows, TABLES } from './import-context.ts';
import type { CinCensusImport } from './import.ts';
import { placeModules } from './import-modules.ts';

export type Ctx = { ledger: Ledger; laCode: string; actor: ReturnActor; importId: string; result: CinCensusImport; seenIds: Set<string> };

/** A batch's rows, made from the file and what is already recorded; returns their write. */
export async function prepareBatch(trx: Transaction<Database>, ctx: Ctx, children: CensusChild[], existing: Existing): Promise<() => Promise<void>> {
  const { ledger, laCode, actor, importId, result, seenIds } = ctx;
  const rows: Rows = Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Rows;
  const closures: { id: string; closure_date: string; reason: string; child_id: string }[] = [];
  const endings: Ending[] = [];
  const skip = (childId: string | null, row: string | null, reason: string) => {
    if (result.notPlaced.length < MAX_NOT_PLACED) result.notPlaced.push({ childId, row, reason });
  };
  const { trail, audit, updated, chronology } = importTrail(importId, 'cin-census-import');
  let made = 0;

  for (const c of children) {
    // Now and then, let the batch being written send its next statement.
    if (++made % 100 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const laChildId = c.laChildId;
    if (!laChildId) {
      skip(null, `line ${c.line ?? '?'}`, 'The child has no LA child id (LAchildID), so cannot be matched or recorded');
      continue;
    }
    if (seenIds.has(laChildId)) {
      skip(laChildId, null, 'A second child with the same LA child id in one file: only the first is imported');
      continue;
    }
    seenIds.add(laChildId);
    let childId = existing.personByChildId.get(laChildId);
    if (!childId) {
      if (!['M', 'F', 'U'].includes(c.sex ?? '')) {
        skip(laChildId, null, `Sex "${c.sex ?? ''}" is not M, F or U`);
        continue;
      }
      const dob = date(c.birthDate);
      const death = date(c.deathDate);
      if (dob && death && death < dob) {
        skip(laChildId, null, 'The date of death is before the date of birth');
        continue;
      }
      childId = randomUUID();
      const person = {
        la_code: laCode,
        person_id: childId,
        is_child: true,
        la_child_id: laChildId,
        // The census carries no names: the child is named by their LA child id until the
        // council adds a name.
        given_name: 'Unnamed',
        family_name: laChildId,
        date_of_birth: dob,
        expected_date_of_birth: date(c.expectedBirthDate),
        sex: c.sex,
        ethnicity: has(ETHNICITY, c.ethnicity) ? c.ethnicity : null,
        upn: c.upn,
        former_upn: c.formerUpn,
        upn_unknown: c.upnUnknown,
        date_of_death: death,
        disabilities: (c.disabilities ?? []).filter((d) => has(DISABILITY, d)),
        created_by: actor.userId,
        updated_by: actor.userId,
      };
      rows.person.push(person);
      audit(childId, 'person', childId);
    }
    const knownEpisodes = existing.episodes.get(childId) ?? [];
    let openEpisode = knownEpisodes.some((e) => !e.closureDate);
    const placing: ChildInBatch = {
      rows,
      existing,
      endings,
      laCode,
      actor,
      childId,
      laChildId,
      open: { cp: existing.openPlan.get(`cp|${childId}`) ?? null, cin: existing.openPlan.get(`cin|${childId}`) ?? null },
      skip,
      audit,
      chronology,
    };
    c.episodes.forEach((ep, i) => {
      const row = `CINdetails ${i + 1}`;
      const referral = date(ep.referralDate);
      if (!referral) {
        skip(laChildId, row, 'The episode has no valid referral date (CINreferralDate)');
        return;
      }
      if (!has(REFERRAL_SOURCE, ep.referralSource)) {
        skip(laChildId, row, `Referral source "${ep.referralSource ?? ''}" is not a DfE code`);
        return;
      }
      const closure = date(ep.closureDate);
      const reason = ep.closureReason;
      if (!!closure !== !!reason || (reason && !has(CLOSURE_REASON, reason))) {
        skip(laChildId, row, 'A closure needs both a closure date and a valid reason for closure');
        return;
      }
      if (closure && closure < referral) {
        skip(laChildId, row, 'The closure date is before the referral date');
        return;
      }
      const known = knownEpisodes.find((e) => e.referralDate === referral);
      let episodeId: string;
      if (known) {
        episodeId = known.episodeId;
        // A later return may close an episode the earlier one left open.
        if (!known.closureDate && closure && reason) {
          closures.push({ id: episodeId, closure_date: closure, reason, child_id: childId as string });
          known.closureDate = closure;
          chronology(childId as string, closure, 'closure', `Case closed (${reason})`, 'cin-episode', episodeId);
        }
      } else {
        if (!closure && openEpisode) {
          skip(laChildId, row, 'The child already has an open episode: a child has one open episode at a time');
          return;
        }
        episodeId = randomUUID();
        if (!closure) openEpisode = true;
        const nfa = yesNo(ep.referralNfa) === true;
        rows.cin_episode.push({
          la_code: laCode,
          episode_id: episodeId,
          child_id: childId,
          referral_date: referral,
          referral_source: ep.referralSource,
          primary_need: ep.primaryNeed ?? 'N0',
          referral_nfa: nfa,
          closure_date: closure,
          closure_reason: reason,
          initial_cpc_date: date(ep.icpcDate),
          created_by: actor.userId,
        });
        knownEpisodes.push({ episodeId, referralDate: referral, closureDate: closure, version: 1 });
        audit(childId as string, 'cin-episode', episodeId);
        chronology(childId as string, referral, 'referral', nfa ? 'Referral received: no further action' : 'Referral received', 'cin-episode', episodeId);
        if (closure) chronology(childId as string, closure, 'closure', `Case closed (${reason})`, 'cin-episode', episodeId);
        if (date(ep.icpcDate))
          chronology(childId as string, date(ep.icpcDate) as string, 'conference', 'Initial child protection conference', 'cin-episode', episodeId);
      }
      placeModules(placing, ep, i, episodeId);
    });
  }

  for (const table of TABLES) if (rows[table].length > 0) result.written[table] = (result.written[table] ?? 0) + rows[table].length;
  if (endings.length > 0) result.written.ended = (result.written.ended ?? 0) + endings.length;
  if (closures.length > 0) result.written.closures = (result.written.closures ?? 0) + closures.length;
  const ended = (table: (typeof endings)[number]['table']) => JSON.stringify(endings.filter((e) => e.table === table));
  const recordType = { assessment: 'assessment', cin_plan: 'cin-plan', cp_plan: 'cp-plan' };
  for (const e of endings) updated(e.child_id, recordType[e.table], e.id, { ended: e.on });
  for (const c of closures) updated(c.child_id, 'cin-episode', c.id, { closed: c.reason });
  return async () => {
    await writeRecords(ledger, TABLES, rows);
    // Ends before closures: an episode closes only once what was open in it has ended.
    if (endings.length > 0) {
      await sql`update assessment a set completed_on = e.on, authorised_on = e.on, factors = e.factors, version = a.version + 1
        from json_to_recordset(${ended('assessment')}::json) as e(id uuid, "on" date, factors text[])
        where a.la_code = ${laCode} and a.assessment_id = e.id and a.authorised_on is null`.execute(trx);
      await sql`update cin_plan p set end_date = e.on
        from json_to_recordset(${ended('cin_plan')}::json) as e(id uuid, "on" date)
        where p.la_code = ${laCode} and p.cin_plan_id = e.id and p.end_date is null`.execute(trx);
      await sql`update cp_plan p set end_date = e.on, end_reason = ${IMPORT_REASON}, version = p.version + 1
        from json_to_recordset(${ended('cp_plan')}::json) as e(id uuid, "on" date)
        where p.la_code = ${laCode} and p.plan_id = e.id and p.end_date is null`.execute(trx);
    }
    if (closures.length > 0) {
      const closed = JSON.stringify(closures);
      await sql`update cin_episode e set closure_date = c.closure_date, closure_reason = c.reason, version = e.version + 1
        from json_to_recordset(${closed}::json) as c(id uuid, closure_date date, reason text)
        where e.la_code = ${laCode} and e.episode_id = c.id and e.closure_date is null`.execute(trx);
    }
    await writeTrail(ledger, trail);
  };
}
