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
import { nhsNumberFromNineDigits, upnFromParts } from '@lantern/core/identifiers';
import type { Disability, Ethnicity } from '@lantern/core/codes';
import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { hashPassword } from '../kernel/auth/passwords.ts';
import { batch, type Ledger } from '../kernel/ledger.ts';
// The areas' deadline rules, registered with the timescales engine (the generator derives every deadline at the end).
import '../areas/obligation-rules.ts';
import { refreshObligations } from '../kernel/obligations.ts';
import { insertRowsStatements } from '../kernel/db/insert-rows.ts';
import { refreshPlannerStatistics } from '../kernel/db/statistics.ts';
import { refreshWorkerObligations } from '../kernel/worker-obligations.ts';
import type { AddressTable, AllocationTable, AppUserTable, ChronologyEntryTable, Database, PersonTable, RelationshipTable } from '../kernel/db/schema.ts';
import { buildNamePools, DISABILITIES, ETHNICITIES, type NamePools, type SyntheticAddress, syntheticAddress, UASC_ETHNICITIES } from './pools.ts';
import { seedPractice } from './practice.ts';
import { seedLegal } from './legal.ts';
import { seedSubjectAccessRequests } from './subject-access.ts';
import { seedMeetings } from './meetings.ts';
import { seedEarlyHelp } from './early-help.ts';
import { FOSTERING_TABLES, FosterCarers } from './fostering.ts';
import { refreshFosterObligations } from '../areas/fostering/index.ts';
import { seedPartners } from './partners.ts';
import { PATHWAY_TABLES, PathwayGenerator, type PathwayRows } from './pathways.ts';
import { seedImprovement } from './improvement.ts';
import { seedRouting } from './routing.ts';
import { emptyPermanenceRows, PERMANENCE_TABLES, PermanenceGenerator, type PermanenceRows } from './permanence.ts';
import { emptyLookedAfterRows, LOOKED_AFTER_TABLES, LookedAfterGenerator, type LookedAfterRows } from './looked-after.ts';
import { birthday, dayOf, isoOf, Rng, timestampOf, WeightedPicker } from './rng.ts';
import { type Pool, Workforce } from './workforce.ts';
import { chronicleRows } from './trail.ts';
import { seedWorkforceHistory } from './workforce-history.ts';
import { CaseHistory } from './case-history.ts';
import { DEMO_USERNAMES, demoUsers } from './demo-users.ts';
import { type Adult, type AdultRole, type CaseStatus, carerWord, type GeneratorConfig, hashString, type SeedChild } from './model.ts';

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
/** Rows per INSERT statement (well under PostgreSQL's 65,535 parameters for the widest table). */
const ROWS_PER_INSERT = 1000;

/** The mix of cases among the children: about 60% CIN, 17% looked after, 8% CP, 15% closed. */
const HOUSEHOLD_STATUS = WeightedPicker.of<CaseStatus>([
  ['cin', 0.58],
  ['cla', 0.18],
  ['cp', 0.08],
  ['care-leaver', 0.034], // households of one, so this is about 2% of children
  ['closed', 0.15],
]);
const SIBLING_STATUS = WeightedPicker.of<CaseStatus>([
  ['cin', 0.6],
  ['cla', 0.17],
  ['cp', 0.08],
  ['closed', 0.15],
]);
const HOUSEHOLD_SIZE = WeightedPicker.of<number>([
  [1, 45],
  [2, 30],
  [3, 17],
  [4, 8],
]);

type Band = readonly [number, number];
const AGE_BANDS: Record<'cin' | 'cp' | 'cla' | 'closed', WeightedPicker<Band>> = {
  cin: WeightedPicker.of<Band>([
    [[0, 4], 25],
    [[5, 9], 27],
    [[10, 15], 36],
    [[16, 17], 12],
  ]),
  cp: WeightedPicker.of<Band>([
    [[0, 4], 36],
    [[5, 9], 29],
    [[10, 15], 30],
    [[16, 17], 5],
  ]),
  cla: WeightedPicker.of<Band>([
    [[0, 4], 17],
    [[5, 9], 18],
    [[10, 15], 38],
    [[16, 17], 27],
  ]),
  closed: WeightedPicker.of<Band>([
    [[0, 4], 27],
    [[5, 9], 26],
    [[10, 15], 35],
    [[16, 17], 12],
  ]),
};

/** How long ago an open case started, in days. */
const CASE_LENGTH: Record<'default' | 'cla', WeightedPicker<Band>> = {
  default: WeightedPicker.of<Band>([
    [[3, 59], 13],
    [[60, 364], 32],
    [[365, 1094], 35],
    [[1095, 3650], 20],
  ]),
  cla: WeightedPicker.of<Band>([
    [[3, 59], 5],
    [[60, 364], 20],
    [[365, 1094], 35],
    [[1095, 5400], 40],
  ]),
};

/** Chance an open child in a case long enough is one of the "many social workers" children. */
const CHURN_CHANCE = 0.27;
const UNALLOCATED_CHANCE = 0.012;

type Rows = {
  person: Insertable<PersonTable>[];
  relationship: Insertable<RelationshipTable>[];
  address: Insertable<AddressTable>[];
  allocation: Insertable<AllocationTable>[];
  chronology_entry: Insertable<ChronologyEntryTable>[];
} & PathwayRows &
  PermanenceRows &
  LookedAfterRows;

function emptyRows(): Rows {
  return {
    person: [],
    relationship: [],
    address: [],
    allocation: [],
    chronology_entry: [],
    contact: [],
    cin_episode: [],
    assessment: [],
    strategy_discussion: [],
    section47: [],
    cp_plan: [],
    cp_conference: [],
    core_group: [],
    cin_plan: [],
    cin_plan_review: [],
    visit: [],
    management_decision: [],
    ...emptyPermanenceRows(),
    ...emptyLookedAfterRows(),
  };
}

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
        for (const statement of statements) await statement.execute(db);
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
  // Statistics for the children just written: the partner agencies, meetings and legal seeds below
  // join episodes, people and allocations, which a planner still counting empty tables runs as
  // nested loops (at 50,000 children one such query ran for more than seven minutes).
  await refreshPlannerStatistics(db);

  progress(total, total, 'users');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = generator.demoUsers(passwordHash);
  await db.insertInto('app_user').values(users).execute();
  records.app_user = users.length;
  Object.assign(records, await seedImprovement(db, { laCode, councilName, children: total, asOf: asOfIso, users }));
  // Partner agencies (src/seed/partners.ts): organisations, partner.demo, requests, housing needs.
  const partners = await seedPartners(ledger, { laCode, seed, asOf: asOfIso, passwordHash });
  for (const [table, n] of Object.entries(partners.records)) records[table] = (records[table] ?? 0) + n;
  users.push(...partners.users);
  // Conference and review records, recommendations and IRO escalations (src/seed/meetings.ts),
  // over the conferences, reviews and partner attendance written above.
  for (const [table, n] of Object.entries(await seedMeetings(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  // Legal planning, pre-proceedings and proceedings (src/seed/legal.ts), over the looked-after history.
  for (const [table, n] of Object.entries(await seedLegal(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  // Early help over the contacts, RC9 closures and step-downs above (src/seed/early-help.ts).
  for (const [table, n] of Object.entries(await seedEarlyHelp(db, { laCode, seed, asOf: asOfIso }))) records[table] = (records[table] ?? 0) + n;
  records.provider = providersMade;

  // The workforce's history: census details, ASYE, inductions, posts, supervision, oversight, audits.
  // It reads the children's episodes and allocations back with joins, which a planner without
  // statistics (a server with autovacuum off, the embedded store which has none) plans as nested
  // loops over every row: minutes for 2,000 children on PGlite.
  await refreshPlannerStatistics(db);
  progress(total, total, 'workforce history');
  const userId = (name: string) => users.find((u) => u.username === name)?.user_id as string;
  // The practice record (src/seed/practice.ts): written assessments, enquiry findings, plans.
  progress(total, total, 'practice record');
  const practice = await seedPractice(ledger.db, { laCode, seed, asOf: asOfIso, workerUserId: userId('sw.demo'), managerUserId: userId('tm.demo') });
  for (const [table, n] of Object.entries(practice)) records[table] = (records[table] ?? 0) + n;
  const history = await seedWorkforceHistory(ledger, { laCode, seed, asOf: asOfIso, managerUserId: userId('tm.demo'), auditorUserId: userId('hos.demo') });
  for (const [table, n] of Object.entries(history)) records[table] = (records[table] ?? 0) + n;
  // Subject access requests waiting for information governance (src/seed/subject-access.ts).
  for (const [table, n] of Object.entries(await seedSubjectAccessRequests(db, { laCode, seed, asOf: asOfIso, userId: userId('ig.demo') })))
    records[table] = (records[table] ?? 0) + n;

  // Fresh planner statistics for the new rows, taken as the tables' owner (migration 0011): the
  // deadlines below are set-based joins over the whole council and need them to plan well.
  await refreshPlannerStatistics(db);

  // Every deadline, derived from the records by the timescales engine.
  progress(total, total, 'obligations');
  // Routing by the front door and a transfer waiting for an answer (the landing pages' lists).
  Object.assign(records, await seedRouting(db, { laCode, asOf: asOfIso, frontDoorUserId: userId('fd.demo'), managerUserId: userId('tm.demo') }));
  records.obligation = (await refreshObligations(db, laCode)).obligations;
  records.worker_obligation = (await refreshWorkerObligations(db, laCode)).obligations;
  records.foster_obligation = (await refreshFosterObligations(db, laCode)).obligations;
  await refreshPlannerStatistics(db);
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

/** The statements that insert a chunk, made ready (rows serialised) before its turn comes. */
function insertStatements(rows: Rows, chunk: number): RawBuilder<unknown>[] {
  // The tables start empty, so the foreign-key checks' cached plans are sequential scans that
  // slow every insert as the tables grow (quadratic overall). Discarding cached plans while the
  // tables double in size lets PostgreSQL re-plan them as index lookups.
  const statements: RawBuilder<unknown>[] = (chunk & (chunk - 1)) === 0 ? [sql`discard plans`] : [];
  // People first: everything else points at them; casework records after what they refer to.
  statements.push(
    ...insertsFor('person', rows.person),
    ...insertsFor('relationship', rows.relationship),
    ...insertsFor('address', rows.address),
    ...insertsFor('allocation', rows.allocation),
  );
  for (const table of PATHWAY_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  for (const table of PERMANENCE_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  for (const table of LOOKED_AFTER_TABLES) statements.push(...insertsFor(table, rows[table] as Insertable<Database[typeof table]>[]));
  return statements;
}

/** Inserts of rows a thousand at a time, each statement's rows as one JSON parameter (kernel/db/insert-rows.ts). */
function insertsFor<T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]): RawBuilder<unknown>[] {
  return insertRowsStatements(table, rows, ROWS_PER_INSERT);
}

async function insertAll<T extends keyof Database & string>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (const statement of insertsFor(table, rows)) await statement.execute(trx);
}

class CouncilGenerator {
  readonly workforce: Workforce;
  childrenMade = 0;
  adultsMade = 0;

  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly names: NamePools;
  private readonly cfg: GeneratorConfig;
  private readonly asOf: number;
  readonly childIdPrefix: string;
  private readonly childIdWidth: number;
  private readonly schoolEntryCutoff: number;
  private readonly nSchools: number;
  private upnCounter = 0;
  private nhsCounter = 0;
  private readonly nhsOffset: number;
  /** The demo users' ids, in the order of demoUsers(), known before the users are made. */
  private readonly demoUserIds: string[];
  private readonly pathways: PathwayGenerator;
  private readonly permanence: PermanenceGenerator;
  readonly lookedAfter: LookedAfterGenerator;
  readonly fostering: FosterCarers;
  /** Who held each child's case when, and the case notes. */
  private readonly history: CaseHistory;

  constructor(cfg: GeneratorConfig) {
    this.cfg = cfg;
    this.asOf = cfg.asOf;
    this.rng = new Rng(cfg.seed, 2);
    // Ids also depend on the council, so two councils seeded alike never share a UUID.
    this.ids = new Rng(cfg.seed, 1 + hashString(cfg.laCode));
    this.names = buildNamePools(cfg.seed);
    this.childIdPrefix = childIdPrefixFor(cfg.councilName);
    this.childIdWidth = Math.max(6, String(cfg.total).length);
    // Children born on or before 31 August four years before this school year started are at school.
    const asOfDate = new Date(cfg.asOf * 86_400_000);
    const schoolYearStart = asOfDate.getUTCMonth() >= 8 ? asOfDate.getUTCFullYear() : asOfDate.getUTCFullYear() - 1;
    this.schoolEntryCutoff = dayOf(`${schoolYearStart - 4}-08-31`);
    this.nSchools = Math.min(7999, Math.max(60, Math.ceil(cfg.total / 400)));
    this.nhsOffset = new Rng(cfg.seed, 5 + hashString(cfg.laCode)).int(1_000_000);

    // Staff the council for the cases it will hold.
    const n = cfg.total;
    const openCin = n * 0.58;
    const expectedCases: Record<Pool, number> = {
      'front-door': 0,
      assessment: openCin * 0.09 + n * 0.08 * 0.1,
      cin: openCin * 0.91,
      cp: n * 0.08,
      cla: n * 0.175,
      'care-leavers': n * 0.02,
      iro: n * 0.175,
    };
    const slug =
      cfg.councilName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'council';
    this.workforce = Workforce.build(new Rng(cfg.seed, 3), this.ids, this.names, {
      children: n,
      asOf: cfg.asOf,
      emailDomain: `${slug}.example`,
      expectedCases,
    });

    const userIds = new Rng(cfg.seed, 4 + hashString(cfg.laCode));
    this.demoUserIds = DEMO_USERNAMES.map(() => userIds.uuid());
    this.history = new CaseHistory(this.rng, this.ids, cfg, this.workforce);
    // Casework draws from streams of its own, so it never shifts the people and allocations.
    this.pathways = new PathwayGenerator(
      {
        laCode: cfg.laCode,
        asOf: cfg.asOf,
        managerUserId: this.demoUserIds[DEMO_USERNAMES.indexOf('tm.demo')] as string,
        chairs: this.workforce.workers
          .filter((w) => w.jobRole === 'iro')
          .map((w) => ({ name: `${w.givenName} ${w.familyName}`, start: w.start, leave: w.leave })),
      },
      new Rng(cfg.seed, 6),
      new Rng(cfg.seed, 7 + hashString(cfg.laCode)),
    );
    this.permanence = new PermanenceGenerator(cfg, new Rng(cfg.seed, 11), new Rng(cfg.seed, 12 + hashString(cfg.laCode)));
    this.lookedAfter = new LookedAfterGenerator(
      {
        laCode: cfg.laCode,
        asOf: cfg.asOf,
        directorUserId: this.demoUserIds[DEMO_USERNAMES.indexOf('hos.demo')] as string,
        directorName: 'Director of children’s services',
        postcodeArea: 'HR',
      },
      new Rng(cfg.seed, 8),
      new Rng(cfg.seed, 9 + hashString(cfg.laCode)),
    );
    this.fostering = new FosterCarers({ laCode: cfg.laCode, seed: cfg.seed, total: cfg.total, asOf: cfg.asOf }, this.workforce);
    this.lookedAfter.carers = this.fostering;
  }

  async insertWorkforce(db: Kysely<Database>): Promise<void> {
    const { laCode } = this.cfg;
    const wf = this.workforce;
    await insertAll(
      db,
      'team',
      wf.teams.map((t) => ({ la_code: laCode, team_id: t.teamId, name: t.name, service: t.service, manager_worker_id: null })),
    );
    for (let i = 0; i < wf.workers.length; i += ROWS_PER_INSERT) {
      const chunk = wf.workers.slice(i, i + ROWS_PER_INSERT);
      await insertAll(
        db,
        'worker',
        chunk.map((w) => ({
          la_code: laCode,
          worker_id: w.workerId,
          given_name: w.givenName,
          family_name: w.familyName,
          job_role: w.jobRole,
          employment: w.employment,
          team_id: w.teamIndex === null ? null : (wf.teams[w.teamIndex]?.teamId ?? null),
          start_date: isoOf(w.start),
          leave_date: w.leave === null ? null : isoOf(w.leave),
          fte: w.fte,
          swe_number: w.swe,
          email: w.email,
          created_at: timestampOf(w.start, 9, 0),
        })),
      );
    }
    for (const t of wf.teams)
      await db
        .updateTable('team')
        .set({ manager_worker_id: wf.worker(t.managerIndex).workerId })
        .where('la_code', '=', laCode)
        .where('team_id', '=', t.teamId)
        .execute();
  }

  /** Generates one household into `rows`; returns how many children it added. */
  household(rows: Rows): number {
    const { rng, names, asOf } = this;
    const remaining = this.cfg.total - this.childrenMade;
    const status = HOUSEHOLD_STATUS.pick(rng);
    const uasc = status === 'cla' && rng.chance(0.11);
    let size = status === 'care-leaver' || uasc ? 1 : HOUSEHOLD_SIZE.pick(rng);
    size = Math.min(size, remaining);
    const familyName = rng.pick(names.family);
    const ethnicity: Ethnicity = uasc ? UASC_ETHNICITIES.pick(rng) : ETHNICITIES.pick(rng);
    const home = syntheticAddress(rng, names);
    const homeSince = asOf - rng.between(60, 12 * 365);

    // The children.
    const children: SeedChild[] = [];
    for (let i = 0; i < size; i++) {
      const childStatus = i === 0 || status === 'care-leaver' || rng.chance(0.85) ? status : SIBLING_STATUS.pick(rng);
      children.push(this.makeChild(rows, childStatus, familyName, ethnicity, uasc));
    }

    // The adults around them.
    const adults = uasc ? [] : this.makeAdults(children, familyName, status === 'care-leaver');
    const firstCase = Math.min(...children.map((c) => c.caseStart));
    for (const a of adults) this.pushAdult(rows, a, ethnicity, firstCase, a.resident ? home : syntheticAddress(rng, names), homeSince);

    // Per child: relationships, addresses, allocations, chronology.
    for (const child of children) {
      const atHome = child.status !== 'cla' && child.status !== 'care-leaver';
      for (const a of adults) {
        rows.relationship.push({
          la_code: this.cfg.laCode,
          relationship_id: this.ids.uuid(),
          person_id: child.personId,
          related_person_id: a.personId,
          relationship_type: a.role,
          parental_responsibility: this.parentalResponsibility(a, adults.length),
          lives_with: a.resident && atHome,
          created_at: timestampOf(child.caseStart, 10, 0),
        });
      }
      for (const sib of children) {
        if (sib === child) continue;
        rows.relationship.push({
          la_code: this.cfg.laCode,
          relationship_id: this.ids.uuid(),
          person_id: child.personId,
          related_person_id: sib.personId,
          relationship_type: 'sibling',
          parental_responsibility: false,
          lives_with: atHome && sib.status !== 'cla' && sib.status !== 'care-leaver',
          created_at: timestampOf(Math.max(child.caseStart, sib.caseStart), 10, 0),
        });
      }
      this.addChildAddresses(rows, child, home, homeSince);
      const resident = adults.find((a) => a.resident);
      this.history.childAllocations = [];
      this.history.add(rows, child, resident);
      this.pathways.add(rows, child, child.uasc ? 'the key worker' : resident ? carerWord(resident) : 'the family', this.history.childAllocations);
      const periodId = child.status === 'cla' ? this.lookedAfter.add(rows, child, home.postcode) : null;
      this.permanence.add(rows, child, periodId);
    }
    return size;
  }

  private makeChild(rows: Rows, status: CaseStatus, householdName: string, householdEthnicity: Ethnicity, uasc: boolean): SeedChild {
    const { rng, names, asOf, cfg } = this;
    this.childrenMade++;
    const laChildId = `${this.childIdPrefix}${String(this.childrenMade).padStart(this.childIdWidth, '0')}`;
    const personId = this.ids.uuid();
    const unborn = !uasc && ((status === 'cin' && rng.chance(0.008)) || (status === 'cp' && rng.chance(0.04)));

    let sex: 'M' | 'F' | 'U';
    let dob: number | null = null;
    let expectedDob: number | null = null;
    if (unborn) {
      sex = 'U';
      expectedDob = asOf + rng.between(14, 160);
    } else {
      // A child's sex is known once they are looked after (903 rule 232); rarely unknown otherwise.
      const unknown = rng.chance(0.002) && status !== 'cla' && status !== 'care-leaver';
      sex = uasc ? (rng.chance(0.92) ? 'M' : 'F') : unknown ? 'U' : rng.chance(0.52) ? 'M' : 'F';
      let years: number;
      if (status === 'care-leaver') years = rng.between(18, 21);
      else if (uasc) years = rng.between(16, 17);
      else {
        const [lo, hi] = AGE_BANDS[status].pick(rng);
        years = rng.between(lo, hi);
      }
      dob = birthday(asOf - 1 - rng.int(364), -years);
    }
    const givenName = unborn ? 'Unborn' : rng.pick(sex === 'M' ? names.male : sex === 'F' ? names.female : rng.chance(0.5) ? names.male : names.female);
    const otherNames = !unborn && rng.chance(0.3) ? rng.pick(sex === 'F' ? names.female : names.male) : null;
    const familyName = rng.chance(0.9) ? householdName : rng.pick(names.family);
    const ethnicity = uasc ? householdEthnicity : rng.chance(0.95) ? householdEthnicity : ETHNICITIES.pick(rng);

    // The case: when it started, whether it has ended, and how it has been held.
    const child: SeedChild = {
      personId,
      laChildId,
      givenName,
      familyName,
      sex,
      dob,
      expectedDob,
      status,
      caseStart: asOf,
      caseEnd: null,
      lookedAfterFrom: null,
      protectionFrom: null,
      dateOfDeath: null,
      uasc,
      manyWorkers: false,
      unallocated: false,
    };
    this.planCase(child);

    // Identifiers. A UPN once at school; "UN1" before; NHS numbers from the 999 test range.
    let upn: string | null = null;
    let upnUnknown: string | null = null;
    if (dob === null || dob > this.schoolEntryCutoff) upnUnknown = 'UN1';
    else if (uasc && rng.chance(0.5)) upnUnknown = 'UN3';
    else if (rng.chance(0.97)) upn = this.nextUpn(dob);
    // UN4 ("not yet obtained") is only for a child newly looked after (903 rule 210); the rest are UN5.
    else upnUnknown = 'UN5';
    const nhs = dob === null || rng.chance(uasc ? 0.25 : 0.03) ? null : this.nextNhsNumber();

    let disabilities: Disability[] = ['NONE'];
    if (!unborn && rng.chance(0.1)) {
      const first = DISABILITIES.pick(rng);
      const second = rng.chance(0.25) ? DISABILITIES.pick(rng) : first;
      disabilities = second === first ? [first] : [first, second];
    }
    const restricted = rng.chance(0.005);
    const died = status === 'closed' && dob !== null && child.caseEnd !== null && child.caseEnd >= dob && rng.chance(0.004);
    if (died) child.dateOfDeath = child.caseEnd;
    const created = timestampOf(child.caseStart, rng.between(8, 17), rng.int(60));

    const row = {
      la_code: cfg.laCode,
      person_id: personId,
      is_child: true,
      la_child_id: laChildId,
      given_name: givenName,
      family_name: familyName,
      other_names: otherNames,
      date_of_birth: dob === null ? null : isoOf(dob),
      expected_date_of_birth: expectedDob === null ? null : isoOf(expectedDob),
      sex,
      ethnicity,
      upn,
      former_upn: null,
      upn_unknown: upnUnknown,
      nhs_number: nhs,
      date_of_death: died && child.caseEnd !== null ? isoOf(child.caseEnd) : null,
      uasc,
      disabilities,
      restricted,
      created_at: created,
      updated_at: created,
    } satisfies Insertable<PersonTable>;
    rows.person.push(row);
    return child;
  }

  /** Decides when the case started and ended, and whether it is one with many workers. */
  private planCase(child: SeedChild): void {
    const { rng, asOf } = this;
    const age = child.dob === null ? 0 : asOf - child.dob;
    switch (child.status) {
      case 'closed': {
        const earliestEnd = Math.min(asOf - 1, Math.max(asOf - 900, (child.dob ?? asOf) + 1));
        const end = rng.between(earliestEnd, asOf - 1);
        const length = rng.chance(0.55) ? rng.between(5, 60) : rng.between(61, 700);
        child.caseEnd = end;
        child.caseStart = Math.max(end - length, (child.dob ?? end) - 60);
        if (child.caseStart >= end) child.caseStart = end - 1;
        return;
      }
      case 'care-leaver': {
        const at18 = birthday(child.dob as number, 18);
        child.caseStart = at18 - rng.between(200, 6 * 365);
        child.lookedAfterFrom = child.caseStart;
        return;
      }
      default: {
        if (child.dob === null) {
          child.caseStart = asOf - rng.between(7, 120); // a pre-birth assessment
        } else {
          const [lo, hi] = CASE_LENGTH[child.status === 'cla' ? 'cla' : 'default'].pick(rng);
          child.caseStart = asOf - Math.min(rng.between(lo, hi), age + 60);
          if (age >= 420 && rng.chance(CHURN_CHANCE)) {
            // Many social workers: a case open more than a year with several changes in the last one.
            const span = Math.min(age, 4000) - 380;
            if (asOf - child.caseStart < 380) child.caseStart = asOf - 380 - Math.floor(span * rng.next() ** 1.5);
            child.manyWorkers = true;
          }
        }
        child.unallocated = rng.chance(UNALLOCATED_CHANCE);
        const length = asOf - child.caseStart;
        if (child.status === 'cla') {
          child.lookedAfterFrom = child.uasc
            ? child.caseStart + rng.between(0, Math.min(14, length - 1))
            : child.caseStart + (rng.chance(0.6) ? rng.between(0, Math.min(length - 1, 90)) : Math.floor((length - 1) * rng.next()));
          // A case opened before birth: care starts at birth at the earliest (903 rule 302).
          if (child.dob !== null) child.lookedAfterFrom = Math.max(child.lookedAfterFrom, child.dob);
        } else if (child.status === 'cp') {
          child.protectionFrom = asOf - rng.between(Math.min(10, length), Math.max(Math.min(10, length), Math.min(length, 540)));
        }
      }
    }
  }

  private makeAdults(children: SeedChild[], householdName: string, careLeaver: boolean): Adult[] {
    const { rng } = this;
    const eldest = Math.min(...children.map((c) => c.dob ?? c.expectedDob ?? this.asOf));
    const adults: Adult[] = [];
    const mother = (resident: boolean) =>
      this.adult('mother', resident, 'F', rng.chance(0.75) ? householdName : null, eldest - rng.between(17, 38) * 365 - rng.int(365));
    const father = (resident: boolean) =>
      this.adult('father', resident, 'M', rng.chance(0.85) ? householdName : null, eldest - rng.between(19, 42) * 365 - rng.int(365));
    if (careLeaver) {
      if (rng.chance(0.7)) adults.push(mother(false));
      return adults;
    }
    if (rng.chance(0.55)) {
      const r = rng.next();
      if (r < 0.8) {
        adults.push(mother(true));
        if (rng.chance(0.35)) adults.push(father(false));
      } else if (r < 0.92) adults.push(father(true));
      else adults.push(this.grandparent(eldest, rng.chance(0.7) ? 'F' : 'M', householdName));
    } else {
      const r = rng.next();
      adults.push(mother(true));
      if (r < 0.6) adults.push(father(true));
      else if (r < 0.88) {
        adults.push(this.adult('step-parent', true, rng.chance(0.9) ? 'M' : 'F', null, eldest - rng.between(20, 40) * 365 - rng.int(365)));
        if (rng.chance(0.5)) adults.push(father(false));
      } else adults.push(this.grandparent(eldest, rng.chance(0.7) ? 'F' : 'M', householdName));
    }
    return adults;
  }

  private grandparent(eldest: number, sex: 'M' | 'F', householdName: string): Adult {
    return this.adult('grandparent', true, sex, this.rng.chance(0.6) ? householdName : null, eldest - this.rng.between(38, 60) * 365 - this.rng.int(365));
  }

  private adult(role: AdultRole, resident: boolean, sex: 'M' | 'F', familyName: string | null, dob: number): Adult {
    const { rng, names } = this;
    return {
      personId: this.ids.uuid(),
      role,
      resident,
      sex,
      givenName: rng.pick(sex === 'M' ? names.male : names.female),
      familyName: familyName ?? rng.pick(names.family),
      dob,
    };
  }

  private parentalResponsibility(a: Adult, adultsInHousehold: number): boolean {
    switch (a.role) {
      case 'mother':
        return true;
      case 'father':
        return a.resident || this.rng.chance(0.75);
      case 'step-parent':
        return this.rng.chance(0.05);
      case 'grandparent':
        return adultsInHousehold === 1 && this.rng.chance(0.6);
    }
  }

  private pushAdult(rows: Rows, a: Adult, ethnicity: Ethnicity, firstCase: number, address: SyntheticAddress, homeSince: number): void {
    const { cfg, rng } = this;
    this.adultsMade++;
    const created = timestampOf(firstCase, rng.between(8, 17), rng.int(60));
    const row = {
      la_code: cfg.laCode,
      person_id: a.personId,
      is_child: false,
      la_child_id: null,
      given_name: a.givenName,
      family_name: a.familyName,
      other_names: null,
      date_of_birth: isoOf(a.dob),
      expected_date_of_birth: null,
      sex: a.sex,
      ethnicity,
      upn: null,
      former_upn: null,
      upn_unknown: null,
      nhs_number: null,
      date_of_death: null,
      uasc: false,
      disabilities: [],
      restricted: false,
      created_at: created,
      updated_at: created,
    } satisfies Insertable<PersonTable>;
    rows.person.push(row);
    const since = a.resident ? homeSince : this.asOf - rng.between(30, 8 * 365);
    rows.address.push(this.addressRow(a.personId, address, Math.min(Math.max(since, a.dob + 16 * 365), this.asOf), null, firstCase));
  }

  private addChildAddresses(rows: Rows, child: SeedChild, home: SyntheticAddress, homeSince: number): void {
    const { rng, names, asOf } = this;
    const born = child.dob ?? child.caseStart;
    const homeFrom = Math.min(Math.max(homeSince, born), asOf);
    if (child.status === 'cla' || child.status === 'care-leaver') {
      const placedFrom = Math.min(child.lookedAfterFrom ?? child.caseStart, asOf);
      if (child.status === 'care-leaver') {
        const ownFrom = Math.min(birthday(child.dob as number, 18) + rng.between(0, 200), asOf);
        rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), Math.min(placedFrom, ownFrom - 1), ownFrom - 1, child.caseStart));
        rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), ownFrom, null, child.caseStart));
        return;
      }
      rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), placedFrom, null, child.caseStart));
      if (!child.uasc && placedFrom - 1 >= homeFrom) rows.address.push(this.addressRow(child.personId, home, homeFrom, placedFrom - 1, child.caseStart));
      return;
    }
    rows.address.push(this.addressRow(child.personId, home, homeFrom, null, child.caseStart));
    if (rng.chance(0.15) && homeFrom - born > 200) {
      const previousFrom = Math.max(born, homeFrom - rng.between(200, 2000));
      rows.address.push(this.addressRow(child.personId, syntheticAddress(rng, names), previousFrom, homeFrom - 1, child.caseStart));
    }
  }

  private addressRow(personId: string, a: SyntheticAddress, start: number, end: number | null, recordedOn: number): Insertable<AddressTable> {
    return {
      la_code: this.cfg.laCode,
      address_id: this.ids.uuid(),
      person_id: personId,
      line1: a.line1,
      line2: a.line2,
      town: a.town,
      postcode: a.postcode,
      start_date: isoOf(start),
      end_date: end === null ? null : isoOf(Math.max(end, start)),
      created_at: timestampOf(Math.min(recordedOn, this.asOf), 11, 0),
    };
  }

  private nextUpn(dob: number): string {
    const k = this.upnCounter++;
    const school = 2000 + (k % this.nSchools);
    const serial = Math.floor(k / this.nSchools) % 1000;
    const entryYear = (new Date(dob * 86_400_000).getUTCFullYear() + 5) % 100;
    const digits = `${school}${String(entryYear).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    return upnFromParts(this.cfg.laNumber, digits.slice(0, 8), digits.slice(8));
  }

  private nextNhsNumber(): string | null {
    // 999 000 0000 to 999 999 9999 is the range the NHS keeps for test data: never a real patient.
    while (this.nhsCounter < 1_000_000) {
      const six = (this.nhsCounter++ * 7919 + this.nhsOffset) % 1_000_000;
      const nhs = nhsNumberFromNineDigits(`999${String(six).padStart(6, '0')}`);
      if (nhs) return nhs;
    }
    return null;
  }

  demoUsers(passwordHash: string): Insertable<AppUserTable>[] {
    return demoUsers(this.cfg, this.workforce, this.demoUserIds, passwordHash);
  }
}

/** LA child ids start with the council's initial and C (HC for Herefordshire). */
function childIdPrefixFor(councilName: string): string {
  return `${
    councilName
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase()
      .charAt(0) || 'L'
  }C`;
}
