/**
 * Loads a council's CIN census return as the history of its children: children, episodes,
 * assessments, section 47 enquiries with their initial conferences, child protection plans with
 * their reviews, and child-in-need plans — with the chronology, first record versions and audit
 * rows a typed-in history has, and every deadline derived afterwards by the timescales engine.
 *
 * Why a batched, set-based path rather than one ledger step per event: a council's return
 * holds tens of thousands of children and several events each; one API step per event would
 * re-derive that child's obligations after every event and take hours. This path writes the same
 * rows (the same tables, the same chronology categories, a first version of each child, one
 * audit row per record created) a batch of children at a time, and derives the obligations once
 * for the council at the end, in the same transaction.
 *
 * - The council comes from the file's LA number (councils.csv); a new council is created.
 * - All or nothing: one transaction for the file; a file that is not well formed or breaks the
 *   schema writes nothing.
 * - Idempotent: a child is matched by LA child id, an episode by child and referral date, and
 *   each module by its episode (or child) and start date; what is already there is left as it is,
 *   so importing the same file again writes nothing (a file already imported is recognised by
 *   its hash and not read again).
 * - What the case record cannot hold (a module with no start date, a second open plan...) is
 *   reported with the reason, and the rest of the file is loaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIsoDate } from '@lantern/core/calendar';
import { DISABILITY, ETHNICITY, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CATEGORY_OF_ABUSE, CLOSURE_REASON } from '@lantern/core/pathway';
import { type CensusChild, type CensusEpisode, type CensusHeader, yesNo } from '@lantern/core/returns/cin-census/model';
import { type Kysely, sql, type Transaction } from 'kysely';
import { insertRowsStatements, replanAsTablesGrow } from '../../../kernel/db/insert-rows.ts';
import type { Database } from '../../../kernel/db/schema.ts';
import { batch, type Ledger } from '../../../kernel/ledger.ts';
import { importActor, type ReturnActor } from '../audit.ts';
import { finishImport, ImportRefused, importTrail, MAX_NOT_PLACED, priorImport, type ReturnImportResult, writeTrail } from '../import-result.ts';
import { councilByLaNumber } from '../reference.ts';
import { readCinCensus } from './parse.ts';
import { schemaFailures } from './validate.ts';

export type NotPlaced = { childId: string | null; row: string | null; reason: string };
export type CinCensusImport = ReturnImportResult<NotPlaced>;

const BATCH = 500;
const IMPORT_REASON = 'Recorded in the CIN census return imported into Lantern';
const date = (s: string | null) => (s && isIsoDate(s) ? s : null);
const has = (list: object, code: string | null) => code !== null && Object.hasOwn(list, code);

type Rows = {
  person: Record<string, unknown>[];
  cin_episode: Record<string, unknown>[];
  assessment: Record<string, unknown>[];
  strategy_discussion: Record<string, unknown>[];
  section47: Record<string, unknown>[];
  cp_plan: Record<string, unknown>[];
  cp_conference: Record<string, unknown>[];
  cin_plan: Record<string, unknown>[];
};
const TABLES: (keyof Rows)[] = ['person', 'cin_episode', 'assessment', 'strategy_discussion', 'section47', 'cp_plan', 'cp_conference', 'cin_plan'];

/** What is already recorded for the children of one batch (matched by natural keys). */
type Existing = {
  personByChildId: Map<string, string>;
  episodes: Map<string, { episodeId: string; referralDate: string; closureDate: string | null; version: number }[]>;
  starts: Set<string>; // `${kind}|${parentId}|${date}`
  /** Records still open (not authorised, not ended), by the same keys: a later return may end them. */
  unfinished: Map<string, string>;
  openPlan: Map<string, string>; // `${kind}|${childId}` -> start date of the open one
  plans: Map<string, string>; // `${childId}|${start}` -> plan_id
};

export async function importCinCensus(
  db: Kysely<Database>,
  source: { path: string } | { xml: Buffer; fileName?: string },
  options: { actor: ReturnActor; year?: number; onProgress?: (done: number, total: number, stage: string) => void },
): Promise<CinCensusImport> {
  const began = performance.now();
  const xml = 'path' in source ? await readFile(source.path) : source.xml;
  const fileName = 'path' in source ? source.path : (source.fileName ?? null);
  const sha256 = createHash('sha256').update(xml).digest('hex');
  const total = countChildren(xml);

  // The header first: the council and the year.
  const items = readCinCensus([xml.toString('utf8')]);
  const first = await items.next();
  const header: CensusHeader | null = !first.done && 'header' in first.value ? first.value.header : null;
  if (!header) throw new ImportRefused('The file has no CIN census in it');
  if (!header.laNumber) throw new ImportRefused('The file does not say which council it is from (Header/Source/LEA)');
  const council = councilByLaNumber(header.laNumber);
  if (!council) throw new ImportRefused(`LA number ${header.laNumber} is not an English council the DfE lists (councils.csv)`);
  const year = options.year ?? (header.year && /^\d{4}$/.test(header.year) ? Number(header.year) : Number(header.referenceDate?.slice(0, 4)));
  if (!Number.isInteger(year)) throw new ImportRefused('The file does not say its collection year (Header/CollectionDetails/Year)');

  // A broken file writes nothing: it must be well formed (the parser) and match the schema.
  const schema = await schemaFailures(xml, year);
  if (schema.length > 0)
    throw new ImportRefused(
      `The file does not match the ${year - 1}/${String(year).slice(2)} CIN census schema; nothing was imported`,
      schema.slice(0, 20).map((f) => `line ${f.line ?? '?'}: ${f.message}`),
    );

  const laCode = council.laCode;
  const result: CinCensusImport = {
    importId: null,
    laCode,
    councilName: council.name,
    year,
    children: 0,
    alreadyImported: false,
    written: {},
    notPlaced: [],
    seconds: 0,
  };
  await batch(db, importActor(options.actor, laCode), async (ledger) => {
    const trx = ledger.db;
    const prior = await priorImport(trx, { laCode, laNumber: council.laNumber, name: council.name }, 'cin-census', sha256);
    if (prior) {
      result.alreadyImported = true;
      result.importId = prior;
      result.children = total;
      return;
    }
    const importId = randomUUID();
    result.importId = importId;
    const ctx: Ctx = { ledger, laCode, actor: options.actor, importId, result, seenIds: new Set() };
    // Each batch is read from the file and its rows made while the batch before is being
    // written, so the database and this process work at once. That is safe because no child is
    // in two batches (a second child with the same LA child id is reported, not imported).
    let writing: Promise<void> | null = null;
    let batches = 0;
    const next = async (batch: CensusChild[]) => {
      const existing = await loadExisting(trx, laCode, batch).catch(async (error: unknown) => {
        await writing; // the write's own failure, rather than the aborted transaction it left
        throw error;
      });
      const write = await prepareBatch(trx, ctx, batch, existing);
      if (writing) await writing;
      result.children += batch.length;
      const done = result.children;
      writing = replanAsTablesGrow(trx, batches++)
        .then(write)
        .then(() => options.onProgress?.(done, total, 'Children imported'));
      writing.catch(() => undefined); // awaited here or below; this only stops an early failure counting as unhandled
    };
    let batch: CensusChild[] = [];
    for await (const item of items) {
      if (!('child' in item)) continue;
      batch.push(item.child);
      if (batch.length === BATCH) {
        await next(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await next(batch);
    if (writing) await writing;
    options.onProgress?.(result.children, total, 'Children imported');
    await finishImport(ledger, {
      laCode,
      importId,
      returnType: 'cin-census',
      year,
      fileName: fileName,
      sha256,
      actor: options.actor,
      result,
      onProgress: options.onProgress,
    });
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

function countChildren(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<Child>'); i >= 0; i = xml.indexOf('<Child>', i + 7)) n++;
  return n;
}

type Ctx = { ledger: Ledger; laCode: string; actor: ReturnActor; importId: string; result: CinCensusImport; seenIds: Set<string> };

async function loadExisting(trx: Transaction<Database>, laCode: string, children: CensusChild[]): Promise<Existing> {
  const ids = children.map((c) => c.laChildId).filter((x): x is string => !!x);
  const people = ids.length
    ? (
        await sql<{
          person_id: string;
          la_child_id: string;
        }>`select person_id, la_child_id from person where la_code = ${laCode} and la_child_id = any(${ids}::text[])`.execute(trx)
      ).rows
    : [];
  const existing: Existing = {
    personByChildId: new Map(),
    episodes: new Map(),
    starts: new Set(),
    unfinished: new Map(),
    openPlan: new Map(),
    plans: new Map(),
  };
  for (const p of people) existing.personByChildId.set(p.la_child_id, p.person_id);
  const personIds = people.map((p) => p.person_id);
  if (personIds.length === 0) return existing;
  const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(trx)).rows;
  const eps = await q(sql<{ episode_id: string; child_id: string; referral_date: string; closure_date: string | null; version: number }>`
    select episode_id, child_id, referral_date, closure_date, version from cin_episode where la_code = ${laCode} and child_id = any(${personIds}::uuid[])`);
  for (const e of eps) {
    const list = existing.episodes.get(e.child_id) ?? [];
    list.push({
      episodeId: e.episode_id,
      referralDate: String(e.referral_date),
      closureDate: e.closure_date ? String(e.closure_date) : null,
      version: Number(e.version),
    });
    existing.episodes.set(e.child_id, list);
  }
  const starts = await q(sql<{ k: string }>`
    select 'assessment|' || episode_id || '|' || start_date as k from assessment where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 's47|' || episode_id || '|' || start_date from section47 where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 'cin-plan|' || child_id || '|' || start_date from cin_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[])
    union all select 'review|' || plan_id || '|' || held_on from cp_conference where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and kind = 'review'`);
  for (const s of starts) existing.starts.add(s.k);
  const unfinished = await q(sql<{ k: string; id: string }>`
    select 'assessment|' || episode_id || '|' || start_date as k, assessment_id as id from assessment
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and authorised_on is null and completed_on is null
    union all select 'cin-plan|' || child_id || '|' || start_date, cin_plan_id from cin_plan
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null
    union all select 'cp-plan|' || child_id || '|' || start_date, plan_id from cp_plan
      where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null`);
  for (const u of unfinished) existing.unfinished.set(u.k, u.id);
  const plans = await q(sql<{ plan_id: string; child_id: string; start_date: string; end_date: string | null }>`
    select plan_id, child_id, start_date, end_date from cp_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[])`);
  for (const p of plans) {
    existing.plans.set(`${p.child_id}|${p.start_date}`, p.plan_id);
    if (!p.end_date) existing.openPlan.set(`cp|${p.child_id}`, String(p.start_date));
  }
  const openCin = await q(sql<{ child_id: string; start_date: string }>`
    select child_id, start_date from cin_plan where la_code = ${laCode} and child_id = any(${personIds}::uuid[]) and end_date is null`);
  for (const p of openCin) existing.openPlan.set(`cin|${p.child_id}`, String(p.start_date));
  return existing;
}

/** A batch's rows, made from the file and what is already recorded; returns their write. */
async function prepareBatch(trx: Transaction<Database>, ctx: Ctx, children: CensusChild[], existing: Existing): Promise<() => Promise<void>> {
  const { ledger, laCode, actor, importId, result, seenIds } = ctx;
  const rows: Rows = Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Rows;
  const closures: { id: string; closure_date: string; reason: string; child_id: string }[] = [];
  const endings: { table: 'assessment' | 'cin_plan' | 'cp_plan'; id: string; on: string; child_id: string; factors?: string[] }[] = [];
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
    let openCp = existing.openPlan.get(`cp|${childId}`) ?? null;
    let openCin = existing.openPlan.get(`cin|${childId}`) ?? null;
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
      placeModules(ep, i, episodeId);
    });

    function placeModules(ep: CensusEpisode, i: number, episodeId: string) {
      const child = childId as string;
      const id = laChildId as string;
      ep.assessments.forEach((a, j) => {
        const row = `CINdetails ${i + 1} / Assessments ${j + 1}`;
        const start = date(a.startDate);
        if (!start) {
          skip(id, row, 'The assessment has no valid start date');
          return;
        }
        const done = date(a.authorisationDate);
        if (done && done < start) {
          skip(id, row, 'The assessment is authorised before it started');
          return;
        }
        const key = `assessment|${episodeId}|${start}`;
        if (existing.starts.has(key)) {
          const open = existing.unfinished.get(key);
          if (open && done) {
            existing.unfinished.delete(key);
            endings.push({ table: 'assessment', id: open, on: done, child_id: child, factors: a.factors ?? [] });
            chronology(child, done, 'assessment', 'Assessment completed and authorised', 'assessment', open);
          }
          return;
        }
        existing.starts.add(key);
        const assessmentId = randomUUID();
        rows.assessment.push({
          la_code: laCode,
          assessment_id: assessmentId,
          episode_id: episodeId,
          child_id: child,
          start_date: start,
          internal_review_date: date(a.internalReviewDate),
          factors: a.factors ?? [],
          completed_on: done,
          authorised_on: done,
          created_by: actor.userId,
        });
        audit(child, 'assessment', assessmentId);
        chronology(child, start, 'assessment', 'Assessment started', 'assessment', assessmentId);
        if (done) chronology(child, done, 'assessment', 'Assessment completed and authorised', 'assessment', assessmentId);
      });

      // Plans first, so an initial conference can name the plan it started.
      const plansByStart = new Map<string, string>();
      ep.cpPlans.forEach((p, j) => {
        const row = `CINdetails ${i + 1} / ChildProtectionPlans ${j + 1}`;
        const start = date(p.startDate);
        if (!start) {
          skip(id, row, 'The child protection plan has no valid start date');
          return;
        }
        if (!has(CATEGORY_OF_ABUSE, p.initialCategory) || !has(CATEGORY_OF_ABUSE, p.latestCategory)) {
          skip(id, row, 'The child protection plan needs valid initial and latest categories of abuse');
          return;
        }
        const end = date(p.endDate);
        if (end && end < start) {
          skip(id, row, 'The plan ends before it starts');
          return;
        }
        let planId = existing.plans.get(`${child}|${start}`);
        const open = existing.unfinished.get(`cp-plan|${child}|${start}`);
        if (planId && open && end) {
          existing.unfinished.delete(`cp-plan|${child}|${start}`);
          endings.push({ table: 'cp_plan', id: open, on: end, child_id: child });
          chronology(child, end, 'plan', 'Child protection plan ended', 'cp-plan', open);
          if (openCp === start) openCp = null;
        }
        if (!planId) {
          if (!end && openCp) {
            skip(id, row, 'The child already has an open child protection plan');
            return;
          }
          if (!end) openCp = start;
          planId = randomUUID();
          existing.plans.set(`${child}|${start}`, planId);
          rows.cp_plan.push({
            la_code: laCode,
            plan_id: planId,
            episode_id: episodeId,
            child_id: child,
            start_date: start,
            initial_category: p.initialCategory,
            latest_category: p.latestCategory,
            previous_plans: /^\d+$/.test(p.previousPlans ?? '') ? Number(p.previousPlans) : 0,
            end_date: end,
            end_reason: end ? IMPORT_REASON : null,
            created_by: actor.userId,
          });
          audit(child, 'cp-plan', planId);
          chronology(child, start, 'plan', 'Child protection plan started', 'cp-plan', planId);
          if (end) chronology(child, end, 'plan', 'Child protection plan ended', 'cp-plan', planId);
        }
        plansByStart.set(start, planId);
        for (const r of p.reviews ?? []) {
          const held = date(r);
          if (!held) {
            skip(id, row, 'A review with no valid date');
            continue;
          }
          const key = `review|${planId}|${held}`;
          if (existing.starts.has(key)) continue;
          existing.starts.add(key);
          const conferenceId = randomUUID();
          rows.cp_conference.push({
            la_code: laCode,
            conference_id: conferenceId,
            episode_id: episodeId,
            child_id: child,
            kind: 'review',
            s47_id: null,
            plan_id: planId,
            held_on: held,
            outcome: held === end ? 'end-plan' : 'continue-plan',
            child_met_decider: false,
            parents_met_decider: false,
            created_by: actor.userId,
          });
          audit(child, 'cp-conference', conferenceId);
          chronology(child, held, 'conference', 'Review child protection conference', 'cp-conference', conferenceId);
        }
      });

      ep.section47s.forEach((s, j) => {
        const row = `CINdetails ${i + 1} / Section47 ${j + 1}`;
        const start = date(s.startDate);
        if (!start) {
          skip(id, row, 'The section 47 enquiry has no valid start date');
          return;
        }
        const icpc = date(s.icpcDate);
        if (icpc && icpc < start) {
          skip(id, row, 'The initial conference is before the enquiry started');
          return;
        }
        const key = `s47|${episodeId}|${start}`;
        if (existing.starts.has(key)) return;
        existing.starts.add(key);
        const notRequired = yesNo(s.icpcNotRequired) === true;
        // The return does not carry the strategy discussion that started the enquiry; one is
        // recorded on the enquiry's start date, saying so, so the enquiry keeps its place in
        // the pathway (and its conference deadline).
        const strategyId = randomUUID();
        rows.strategy_discussion.push({
          la_code: laCode,
          strategy_id: strategyId,
          episode_id: episodeId,
          child_id: child,
          held_on: start,
          agencies: [],
          decision: 'section-47',
          reasons: `${IMPORT_REASON}: the return does not carry the strategy discussion, so its date is the enquiry's start`,
          created_by: actor.userId,
        });
        const s47Id = randomUUID();
        rows.section47.push({
          la_code: laCode,
          s47_id: s47Id,
          episode_id: episodeId,
          child_id: child,
          strategy_id: strategyId,
          start_date: start,
          completed_on: icpc,
          outcome: icpc ? 'conference' : null,
          icpc_not_required: notRequired,
          icpc_not_required_reason: notRequired ? IMPORT_REASON : null,
          icpc_target_date: date(s.icpcTarget),
          created_by: actor.userId,
        });
        audit(child, 'section-47', s47Id);
        chronology(child, start, 'section-47', 'Section 47 enquiry started', 'section-47', s47Id);
        if (icpc) {
          const conferenceId = randomUUID();
          const planId = plansByStart.get(icpc) ?? null;
          rows.cp_conference.push({
            la_code: laCode,
            conference_id: conferenceId,
            episode_id: episodeId,
            child_id: child,
            kind: 'initial',
            s47_id: s47Id,
            plan_id: planId,
            held_on: icpc,
            outcome: planId ? 'plan' : 'no-plan',
            // Not in the return: recorded as not known to have happened.
            child_met_decider: false,
            parents_met_decider: false,
            created_by: actor.userId,
          });
          audit(child, 'cp-conference', conferenceId);
          chronology(child, icpc, 'conference', 'Initial child protection conference', 'cp-conference', conferenceId);
        }
      });

      ep.cinPlans.forEach((p, j) => {
        const row = `CINdetails ${i + 1} / CINPlanDates ${j + 1}`;
        const start = date(p.startDate);
        if (!start) {
          skip(id, row, 'The child in need plan has no valid start date');
          return;
        }
        const end = date(p.endDate);
        if (end && end < start) {
          skip(id, row, 'The plan ends before it starts');
          return;
        }
        const key = `cin-plan|${child}|${start}`;
        if (existing.starts.has(key)) {
          const open = existing.unfinished.get(key);
          if (open && end) {
            existing.unfinished.delete(key);
            endings.push({ table: 'cin_plan', id: open, on: end, child_id: child });
            chronology(child, end, 'plan', 'Child in need plan ended', 'cin-plan', open);
            if (openCin === start) openCin = null;
          }
          return;
        }
        if (!end && openCin) {
          skip(id, row, 'The child already has an open child in need plan');
          return;
        }
        if (!end) openCin = start;
        existing.starts.add(key);
        const cinPlanId = randomUUID();
        rows.cin_plan.push({
          la_code: laCode,
          cin_plan_id: cinPlanId,
          episode_id: episodeId,
          child_id: child,
          start_date: start,
          end_date: end,
          created_by: actor.userId,
        });
        audit(child, 'cin-plan', cinPlanId);
        chronology(child, start, 'plan', 'Child in need plan started', 'cin-plan', cinPlanId);
        if (end) chronology(child, end, 'plan', 'Child in need plan ended', 'cin-plan', cinPlanId);
      });
    }
  }

  const statements = TABLES.flatMap((table) => insertRowsStatements(table, rows[table]));
  for (const table of TABLES) if (rows[table].length > 0) result.written[table] = (result.written[table] ?? 0) + rows[table].length;
  if (endings.length > 0) result.written.ended = (result.written.ended ?? 0) + endings.length;
  if (closures.length > 0) result.written.closures = (result.written.closures ?? 0) + closures.length;
  const ended = (table: (typeof endings)[number]['table']) => JSON.stringify(endings.filter((e) => e.table === table));
  const recordType = { assessment: 'assessment', cin_plan: 'cin-plan', cp_plan: 'cp-plan' };
  for (const e of endings) updated(e.child_id, recordType[e.table], e.id, { ended: e.on });
  for (const c of closures) updated(c.child_id, 'cin-episode', c.id, { closed: c.reason });
  return async () => {
    for (const statement of statements) await statement.execute(trx);
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
