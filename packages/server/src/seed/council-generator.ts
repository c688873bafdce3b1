/**
 * The council generator: its staff, and household after household of children with the adults
 * around them, each child's allocations, casework and care history (the generators it holds).
 * Every draw comes from seeded streams created here, so the same seed makes the same council;
 * seedCouncil (generate.ts) writes what it makes.
 */
import type { Ethnicity } from '@lantern/core/codes';
import type { Insertable, Kysely } from 'kysely';
import type { AddressTable, AllocationTable, AppUserTable, ChronologyEntryTable, Database, PersonTable, RelationshipTable } from '../kernel/db/schema.ts';
import { CaseHistory } from './case-history.ts';
import { insertAll } from './chunks.ts';
import { DEMO_USERNAMES, demoUsers } from './demo-users.ts';
import { FosterCarers } from './fostering.ts';
import { emptyLookedAfterRows, LookedAfterGenerator, type LookedAfterRows } from './looked-after.ts';
import { type CaseStatus, carerWord, type GeneratorConfig, hashString, type SeedChild } from './model.ts';
import { PathwayGenerator, type PathwayRows } from './pathways.ts';
import { People } from './people.ts';
import { emptyPermanenceRows, PermanenceGenerator, type PermanenceRows } from './permanence.ts';
import { buildNamePools, ETHNICITIES, type NamePools, syntheticAddress, UASC_ETHNICITIES } from './pools.ts';
import { isoOf, Rng, timestampOf, WeightedPicker } from './rng.ts';
import { type Pool, Workforce } from './workforce.ts';

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

/** The rows one chunk of households fills, by table. */
export type Rows = {
  person: Insertable<PersonTable>[];
  relationship: Insertable<RelationshipTable>[];
  address: Insertable<AddressTable>[];
  allocation: Insertable<AllocationTable>[];
  chronology_entry: Insertable<ChronologyEntryTable>[];
} & PathwayRows &
  PermanenceRows &
  LookedAfterRows;

export function emptyRows(): Rows {
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

export class CouncilGenerator {
  readonly workforce: Workforce;

  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly names: NamePools;
  private readonly cfg: GeneratorConfig;
  private readonly asOf: number;
  /** The children, the adults around them and their addresses (people.ts). */
  private readonly people: People;
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
    this.people = new People(cfg, {
      rng: this.rng,
      ids: this.ids,
      names: this.names,
      nhsOffset: new Rng(cfg.seed, 5 + hashString(cfg.laCode)).int(1_000_000),
      childIdPrefix: childIdPrefixFor(cfg.councilName),
    });

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
    await insertAll(
      db,
      'worker',
      wf.workers.map((w) => ({
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
    for (const t of wf.teams)
      await db
        .updateTable('team')
        .set({ manager_worker_id: wf.worker(t.managerIndex).workerId })
        .where('la_code', '=', laCode)
        .where('team_id', '=', t.teamId)
        .execute();
  }

  get childrenMade(): number {
    return this.people.childrenMade;
  }

  get adultsMade(): number {
    return this.people.adultsMade;
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
      children.push(this.people.makeChild(rows, childStatus, familyName, ethnicity, uasc));
    }

    // The adults around them.
    const adults = uasc ? [] : this.people.makeAdults(children, familyName, status === 'care-leaver');
    const firstCase = Math.min(...children.map((c) => c.caseStart));
    for (const a of adults) this.people.pushAdult(rows, a, ethnicity, firstCase, a.resident ? home : syntheticAddress(rng, names), homeSince);

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
          parental_responsibility: this.people.parentalResponsibility(a, adults.length),
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
      this.people.addChildAddresses(rows, child, home, homeSince);
      const resident = adults.find((a) => a.resident);
      this.history.childAllocations = [];
      this.history.childIros = [];
      this.history.add(rows, child, resident);
      this.pathways.add(rows, child, child.uasc ? 'the key worker' : resident ? carerWord(resident) : 'the family', this.history.childAllocations);
      const periodId = child.status === 'cla' ? this.lookedAfter.add(rows, child, home.postcode, this.history.childIros) : null;
      this.permanence.add(rows, child, periodId);
    }
    return size;
  }

  demoUsers(passwordHash: string): Insertable<AppUserTable>[] {
    return demoUsers(this.cfg, this.workforce, this.demoUserIds, passwordHash);
  }
}

/** LA child ids start with the council's initial and C (HC for Herefordshire). */
export function childIdPrefixFor(councilName: string): string {
  return `${
    councilName
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase()
      .charAt(0) || 'L'
  }C`;
}
