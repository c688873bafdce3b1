/**
 * The deterministic synthetic council: teams and staff (with agency workers and leavers), children
 * in households with the adults around them, addresses, allocation histories with the churn real
 * councils see, each case's children-in-need and child-protection history (pathways.ts),
 * chronologies, first record versions, one demo user per role, and at the end every deadline
 * derived from the records by the timescales engine.
 *
 * Same seed and options, same data: every value comes from seeded generators (never Math.random,
 * crypto or the clock) and every date is relative to `asOf`. Rows stream into the database a chunk
 * of households at a time (with the chunk's chronology, through the ledger's batch), so memory
 * stays bounded at any size; the whole council is one transaction, so a failed seed leaves nothing.
 */
import type { Kysely } from 'kysely';
import { hashPassword } from '../kernel/auth/passwords.ts';
import { batch, type Ledger } from '../kernel/ledger.ts';
// The areas' deadline rules, registered with the timescales engine (the generator derives every deadline at the end).
import '../areas/obligation-rules.ts';
import { refreshObligations } from '../kernel/obligations.ts';
import { refreshPlannerStatistics } from '../kernel/db/statistics.ts';
import {
  deferChecksOfFirstCouncil,
  deferHistoryKeysOfFirstCouncil,
  deferIndexesOfFirstCouncil,
  deferKeysOfFirstCouncil,
  emptyTablesOfFirstCouncil,
  restoreChecksOfFirstCouncil,
  restoreIndexesOfFirstCouncil,
} from '../kernel/db/first-council.ts';
import { refreshWorkerObligations } from '../kernel/worker-obligations.ts';
import type { Database } from '../kernel/db/schema.ts';
import { refreshFosterObligations } from '../areas/fostering/index.ts';
import { insertAll, insertStatements } from './chunks.ts';
import { CouncilGenerator, childIdPrefixFor, emptyRows } from './council-generator.ts';
import { seedEarlyHelp } from './early-help.ts';
import { FOSTERING_TABLES } from './fostering.ts';
import { seedImprovement } from './improvement.ts';
import { seedLegal } from './legal.ts';
import { seedDeprivationOfLiberty } from './looked-after-dolo.ts';
import { seedMeetings } from './meetings.ts';
import { seedPartners } from './partners.ts';
import { seedPractice } from './practice.ts';
import { dayOf } from './rng.ts';
import { seedRouting } from './routing.ts';
import { seedSubjectAccessRequests } from './subject-access.ts';
import { LOOKED_AFTER_TABLES } from './looked-after.ts';
import { PATHWAY_TABLES } from './pathways.ts';
import { PERMANENCE_TABLES } from './permanence.ts';
import { runInOrder } from '../kernel/db/statements-in-order.ts';
import { chronicleRows } from './trail.ts';
// LANTERN_TIMELINE=1: a line as each step below ends, with its time and CPU (where a council-sized seed's time goes).
import { timeline } from '../kernel/timeline.ts';
import { seedWorkforceHistory } from './workforce-history.ts';

export type { CaseStatus, SeedChild } from './model.ts';

export type SeedOptions = {
  laCode?: string;
  laNumber?: string;
  councilName?: string;
  /** How many children (people with an LA child id) to generate; everything else scales with it. */
  children?: number;
  seed?: number;
  /** ISO date the data is "as of"; every date is relative to it, so the data is deterministic. */
  asOf?: string;
  onProgress?: (done: number, total: number, stage: string) => void;
};

export type SeedSummary = {
  laCode: string;
  children: number;
  adults: number;
  workers: number;
  teams: number;
  users: { username: string; role: string; displayName: string }[];
  password: string;
  /** Rows written per table (people, allocations, casework records, chronology, obligations...). */
  records: Record<string, number>;
  seconds: number;
};

export const DEMO_PASSWORD = 'lantern-demo-2026';

const DEFAULTS = { laCode: 'E06000019', laNumber: '884', councilName: 'Herefordshire', children: 2400, seed: 1, asOf: '2026-11-23' };

/** Households per transaction are added until this many children are waiting. */
const CHILDREN_PER_CHUNK = 250;

/** Written all through the seed and read by none of its steps: their statistics are taken once, at the end. */
const HISTORY_TABLES: ('record_version' | 'chronology_entry' | 'audit_event')[] = ['record_version', 'chronology_entry', 'audit_event'];

/**
 * The tables the demo writes at least a row per child into (most rows first): in a new database
 * their foreign keys are checked once, after the load, rather than row by row. Each key dropped and
 * added again costs more than checking a smaller table's rows one at a time.
 */
const BULK_TABLES: (keyof Database & string)[] = [
  'chronology_entry',
  'visit',
  'management_decision',
  'plan_action',
  'relationship',
  'meeting_recommendation',
  'allocation',
  'contact',
  'plan_action_progress',
  'foster_visit',
  'address',
  'supervision_child',
  'person',
  'pep',
  'meeting_record',
  'health_check',
  'cin_episode',
  'assessment',
  'cla_review',
  'cin_plan',
];

/** The tables written with the children (chunks.ts), but for the chronology (a history table). */
const CHILDREN_TABLES: (keyof Database & string)[] = [
  'person',
  'relationship',
  'address',
  'allocation',
  ...PATHWAY_TABLES,
  ...PERMANENCE_TABLES,
  ...LOOKED_AFTER_TABLES,
];

/**
 * The biggest tables the seeds after the children write (meetings, partners, early help, the practice
 * record, the workforce's history) and only insert into: nothing looks their rows up by key until the
 * council is written.
 */
const INSERTED_AFTER_THE_CHILDREN: (keyof Database & string)[] = [
  'meeting_recommendation',
  'plan_action_progress',
  'supervision_child',
  'meeting_record',
  'early_help_step_up',
  'meeting_contribution',
  'early_help_review',
];

/**
 * The tables the demo writes most rows into that no other table's keys name (so truncating them
 * takes no other table with them; each table truncated costs a few milliseconds on the embedded
 * store, more than a small table's WAL): written without WAL in a new embedded database (0046).
 */
const WITHOUT_WAL: (keyof Database & string)[] = [
  'obligation',
  'chronology_entry',
  'record_version',
  'visit',
  'management_decision',
  'plan_action',
  'plan_action_progress',
  'relationship',
  'meeting_recommendation',
  'allocation',
  'foster_obligation',
  'foster_visit',
  'address',
  'supervision_child',
  'pep',
  'meeting_record',
  'health_check',
  'cla_review',
  'early_help_step_up',
  'meeting_contribution',
  'worker_obligation',
  'core_group',
  'cin_plan_review',
  'early_help_review',
  'assessment_record',
];

export async function seedCouncil(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const laCode = options.laCode ?? DEFAULTS.laCode;
  const laNumber = options.laNumber ?? DEFAULTS.laNumber;
  const councilName = options.councilName ?? DEFAULTS.councilName;
  const total = options.children ?? DEFAULTS.children;
  const seed = options.seed ?? DEFAULTS.seed;
  const asOfIso = options.asOf ?? DEFAULTS.asOf;
  const progress = options.onProgress ?? (() => undefined);

  if (!/^E0[6-9]\d{6}$/.test(laCode)) throw new Error(`Cannot seed: "${laCode}" is not a council code like E06000019`);
  if (!/^\d{3}$/.test(laNumber)) throw new Error(`Cannot seed: the DfE LA number must be three digits, not "${laNumber}"`);
  if (!Number.isInteger(total) || total < 1) throw new Error(`Cannot seed: children must be a whole number of at least 1, not ${total}`);
  if (!Number.isInteger(seed)) throw new Error(`Cannot seed: the seed must be a whole number, not ${seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfIso) || Number.isNaN(Date.parse(asOfIso)))
    throw new Error(`Cannot seed: asOf must be an ISO date like 2026-11-23, not "${asOfIso}"`);

  const [person, worker] = await Promise.all([
    db.selectFrom('person').select('person_id').where('la_code', '=', laCode).limit(1).executeTakeFirst(),
    db.selectFrom('worker').select('worker_id').where('la_code', '=', laCode).limit(1).executeTakeFirst(),
  ]);
  if (person || worker) {
    throw new Error(
      `Council ${laCode} already has ${person ? 'people' : 'staff'} in the database, so it will not be seeded again ` +
        '(that would double its data). Seed an empty database, or a council code that has no data yet.',
    );
  }

  // One transaction for the whole council, through the ledger's bulk path: the database keeps
  // every record's first version as it is written; the chronology goes with each chunk.
  return batch(db, null, (ledger) => generateCouncil(ledger, { laCode, laNumber, councilName, total, seed, asOfIso, progress, started }), { laCode });
}

async function generateCouncil(
  ledger: Ledger,
  options: {
    laCode: string;
    laNumber: string;
    councilName: string;
    total: number;
    seed: number;
    asOfIso: string;
    progress: (done: number, total: number, stage: string) => void;
    started: number;
  },
): Promise<SeedSummary> {
  const { laCode, laNumber, councilName, total, seed, asOfIso, progress, started } = options;
  const db = ledger.db;
  // A new embedded database's first council goes into its biggest tables without WAL (emptied in this transaction: they hold nothing yet).
  await emptyTablesOfFirstCouncil(db, WITHOUT_WAL);
  // On a PostgreSQL server, the keys of the tables only inserted into after the children (0051), built
  // once at the end: asked before the foreign keys below are deferred, so a key one of them names stays.
  await deferKeysOfFirstCouncil(db, INSERTED_AFTER_THE_CHILDREN);
  // A new database's first council: its foreign keys are checked once, before the deadlines, not row by row.
  await deferChecksOfFirstCouncil(db, { keysOf: BULK_TABLES, indexesOf: HISTORY_TABLES });
  // On a PostgreSQL server, the history tables' keys too: random ids inserted one by one into indexes larger than its buffers (0047).
  await deferHistoryKeysOfFirstCouncil(db, ['record_version', 'chronology_entry']);
  // And the children's tables' secondary indexes, built once when the children are written (0047).
  await deferIndexesOfFirstCouncil(db, CHILDREN_TABLES);
  // On a PostgreSQL server, their primary keys too where no key names them (0051): the children's rows are only inserted until then.
  await deferKeysOfFirstCouncil(db, CHILDREN_TABLES);
  await db
    .insertInto('local_authority')
    .values({ la_code: laCode, dfe_la_number: laNumber, name: councilName })
    .onConflict((oc) => oc.column('la_code').doNothing())
    .execute();
  // Children recorded later continue the demo council's own numbering (HC…).
  await db
    .insertInto('council_setting')
    .values({ la_code: laCode, key: 'child-id-prefix', value: JSON.stringify(childIdPrefixFor(councilName)) })
    .onConflict((oc) => oc.columns(['la_code', 'key']).doNothing())
    .execute();

  const generator = new CouncilGenerator({ laCode, laNumber, councilName, total, seed, asOf: dayOf(asOfIso) });

  progress(0, total, 'workforce');
  await generator.insertWorkforce(db);

  await insertAll(db, 'provider', generator.lookedAfter.providers);
  const providersMade = generator.lookedAfter.providers.length;
  // The fostering service's households (src/seed/fostering.ts), before the placements that name them.
  for (const table of FOSTERING_TABLES) {
    await insertAll(db, table, generator.fostering.rows[table] as never[]);
  }

  progress(0, total, 'children');
  // One chunk is inserted (on the database's thread, for the embedded store) while the next is
  // generated; never more than two chunks are in memory. Generation pauses every few households
  // so the insert in flight can send its next statement.
  let rows = emptyRows();
  let waiting = 0;
  let households = 0;
  let chunk = 0;
  let inserting: Promise<void> | null = null;
  const records: Record<string, number> = {};
  for (const table of FOSTERING_TABLES) records[table] = generator.fostering.rows[table].length;
  while (generator.childrenMade < total) {
    waiting += generator.household(rows);
    if (++households % 16 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (waiting >= CHILDREN_PER_CHUNK || generator.childrenMade >= total) {
      for (const [table, list] of Object.entries(rows)) records[table] = (records[table] ?? 0) + (list as unknown[]).length;
      const statements = insertStatements(rows, chunk++);
      const chronology = rows.chronology_entry;
      if (inserting) await inserting;
      const done = generator.childrenMade;
      inserting = (async () => {
        await runInOrder(db, statements);
        await chronicleRows(ledger, chronology);
      })().then(() => progress(done, total, 'children'));
      inserting.catch(() => undefined); // awaited below; this only stops an early failure counting as unhandled
      rows = emptyRows();
      waiting = 0;
    }
  }
  if (inserting) await inserting;
  // Connected persons approved temporarily for a child of their family, now the child is written.
  for (const h of generator.fostering.temporaries)
    await db
      .updateTable('foster_household')
      .set({
        kind: h.kind,
        temporary_child_id: h.temporary_child_id ?? null,
        temporary_from: h.temporary_from ?? null,
        temporary_reasons: h.temporary_reasons ?? null,
        temporary_extension_reason: h.temporary_extension_reason ?? null,
      })
      .where('la_code', '=', laCode)
      .where('household_id', '=', h.household_id as string)
      .execute();
  // Statistics for the children just written: the partner agencies, meetings, legal, practice and
  // workforce history seeds below join episodes, people and allocations, which a planner still
  // counting empty tables runs as nested loops (at 50,000 children one such query ran for more
  // than seven minutes). The tables they join are all written by now, so this one pass serves
  // them all. The history tables (versions, chronology) are joined by none of them and are left
  // to the last pass, which sees them whole.
  timeline('seeded: children');
  await restoreIndexesOfFirstCouncil(db, CHILDREN_TABLES);
  timeline('seeded: the children’s indexes');
  await refreshPlannerStatistics(db, { leave: HISTORY_TABLES });

  timeline('seeded: statistics of the children');
  progress(total, total, 'users');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = generator.demoUsers(passwordHash);
  await db.insertInto('app_user').values(users).execute();
  records.app_user = users.length;
  Object.assign(records, await seedImprovement(db, { laCode, councilName, children: total, asOf: asOfIso, users }));
  timeline('seeded: improvement');
  // Partner agencies (src/seed/partners.ts): organisations, partner.demo, requests, housing needs.
  const partners = await seedPartners(ledger, { laCode, seed, asOf: asOfIso, passwordHash });
  for (const [table, n] of Object.entries(partners.records)) records[table] = (records[table] ?? 0) + n;
  users.push(...partners.users);
  timeline('seeded: partners');
  // Conference and review records, recommendations and IRO escalations (src/seed/meetings.ts),
  // over the conferences, reviews and partner attendance written above.
  for (const [table, n] of Object.entries(await seedMeetings(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: meetings');
  // Legal planning, pre-proceedings and proceedings (src/seed/legal.ts), over the looked-after history.
  for (const [table, n] of Object.entries(await seedLegal(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: legal');
  // Deprivation of liberty orders for some older children in children's homes (src/seed/looked-after-dolo.ts).
  for (const [table, n] of Object.entries(await seedDeprivationOfLiberty(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: deprivation of liberty');
  // Early help over the contacts, RC9 closures and step-downs above (src/seed/early-help.ts).
  for (const [table, n] of Object.entries(await seedEarlyHelp(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: early help');
  records.provider = providersMade;

  // The workforce's history: census details, ASYE, inductions, posts, supervision, oversight, audits.
  // It reads the children's episodes and allocations back with joins, planned on the statistics above.
  progress(total, total, 'workforce history');
  const userId = (name: string) => users.find((u) => u.username === name)?.user_id as string;
  // The practice record (src/seed/practice.ts): written assessments, enquiry findings, plans.
  progress(total, total, 'practice record');
  const practice = await seedPractice(ledger.db, { laCode, seed, asOf: asOfIso, workerUserId: userId('sw.demo'), managerUserId: userId('tm.demo') });
  for (const [table, n] of Object.entries(practice)) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: practice');
  const history = await seedWorkforceHistory(ledger, { laCode, seed, asOf: asOfIso, managerUserId: userId('tm.demo'), auditorUserId: userId('hos.demo') });
  for (const [table, n] of Object.entries(history)) records[table] = (records[table] ?? 0) + n;
  timeline('seeded: workforce history');
  // Subject access requests waiting for information governance (src/seed/subject-access.ts).
  for (const [table, n] of Object.entries(await seedSubjectAccessRequests(db, { laCode, seed, asOf: asOfIso, userId: userId('ig.demo') })))
    records[table] = (records[table] ?? 0) + n;

  timeline('seeded: subject access');
  // The keys put back (each checked against every row at once) before the deadlines are planned.
  await restoreChecksOfFirstCouncil(db);

  timeline('seeded: keys and indexes put back');
  // Fresh planner statistics for the new rows, taken as the tables' owner (migration 0011): the
  // deadlines below are set-based joins over the whole council and need them to plan well. Only
  // the tables written since the pass above are read again (migration 0039).
  // The tables whose keys were just built (0051) are analysed whatever their size: building a key
  // records the table's pages as if its statistics had seen them, so `grownOnly` would pass them by
  // (at 50,000 children a deadline rule joining them without statistics ran 30 s longer).
  await refreshPlannerStatistics(db, { only: INSERTED_AFTER_THE_CHILDREN });
  await refreshPlannerStatistics(db, { grownOnly: true, leave: [...HISTORY_TABLES, ...INSERTED_AFTER_THE_CHILDREN] });

  timeline('seeded: statistics before the deadlines');
  // Every deadline, derived from the records by the timescales engine.
  progress(total, total, 'obligations');
  // Routing by the front door and a transfer waiting for an answer (the landing pages' lists).
  Object.assign(records, await seedRouting(db, { laCode, asOf: asOfIso, frontDoorUserId: userId('fd.demo'), managerUserId: userId('tm.demo') }));
  timeline('seeded: routing');
  records.obligation = (await refreshObligations(db, laCode)).obligations;
  timeline('seeded: obligations');
  records.worker_obligation = (await refreshWorkerObligations(db, laCode)).obligations;
  timeline('seeded: worker obligations');
  records.foster_obligation = (await refreshFosterObligations(db, laCode)).obligations;
  timeline('seeded: foster obligations');
  await refreshPlannerStatistics(db, { grownOnly: true });
  timeline('seeded: statistics of the deadlines');
  progress(total, total, 'done');

  return {
    laCode,
    children: generator.childrenMade,
    adults: generator.adultsMade,
    workers: generator.workforce.workers.length,
    teams: generator.workforce.teams.length,
    users: users.map((u) => ({ username: u.username, role: u.role, displayName: u.display_name })),
    password: DEMO_PASSWORD,
    records,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
