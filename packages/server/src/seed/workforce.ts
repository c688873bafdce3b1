/**
 * The synthetic council's teams and staff, sized from the cases it will hold, and the pickers
 * that allocate children to them with believable caseloads, agency staff, leavers and churn.
 */
import type { JobRole } from '@lantern/core/codes';
import type { NamePools } from './pools.ts';
import { type Rng, WeightedPicker } from './rng.ts';

/** The kinds of work a team does; each case-holding kind has a pool of workers. */
export type Pool = 'front-door' | 'assessment' | 'cin' | 'cp' | 'cla' | 'care-leavers' | 'iro';

export type SeedTeam = { index: number; teamId: string; name: string; service: string; pool: Pool; managerIndex: number };

export type SeedWorker = {
  index: number;
  workerId: string;
  givenName: string;
  familyName: string;
  jobRole: JobRole;
  employment: 'permanent' | 'agency';
  teamIndex: number | null;
  pool: Pool | null;
  start: number;
  leave: number | null;
  fte: number;
  swe: string | null;
  email: string;
};

type PoolState = {
  teams: number[];
  /** Workers in post who hold cases, with a weight that shapes their caseload. */
  current: number[];
  picker: WeightedPicker<number> | null;
  /** Case holders who left, ordered by leave date. */
  leavers: number[];
  leaveDays: Int32Array;
};

const TEAM_KINDS: readonly { pool: Pool; name: string; service: string; perDefault: number; numberedAlways: boolean }[] = [
  { pool: 'front-door', name: 'Front door (MASH)', service: 'Front door', perDefault: 1, numberedAlways: false },
  { pool: 'assessment', name: 'Assessment', service: 'Assessment', perDefault: 2, numberedAlways: true },
  { pool: 'cin', name: 'Children in need', service: 'Children in need', perDefault: 3, numberedAlways: true },
  { pool: 'cp', name: 'Child protection', service: 'Child protection', perDefault: 2, numberedAlways: true },
  { pool: 'cla', name: 'Children looked after', service: 'Children looked after', perDefault: 2, numberedAlways: true },
  { pool: 'care-leavers', name: 'Care leavers', service: 'Care leavers', perDefault: 1, numberedAlways: false },
  { pool: 'iro', name: 'Independent reviewing service', service: 'Quality assurance', perDefault: 1, numberedAlways: false },
];

/** Cases per full-time case holder the council is staffed for; weights spread them unevenly. */
const TARGET_CASELOAD = 21;
const IRO_CASELOAD = 70;
const PA_CASELOAD = 20;
/** Share of case holders who left in the past year (Herefordshire-like churn). */
const LEAVER_SHARE = 0.2;

export type WorkforcePlan = {
  children: number;
  asOf: number;
  emailDomain: string;
  /** Current cases each pool is expected to hold (iro: looked-after children). */
  expectedCases: Record<Pool, number>;
};

export class Workforce {
  readonly teams: SeedTeam[] = [];
  readonly workers: SeedWorker[] = [];
  private readonly pools = new Map<Pool, PoolState>();
  /** Open allocations per worker, by allocation role: [social-worker, iro, personal-adviser]. */
  readonly openSw: Int32Array;
  readonly openIro: Int32Array;
  readonly openPa: Int32Array;
  /** About the most open cases of its kind a worker should end up with (a soft ceiling). */
  private ceiling: Float64Array;

  private constructor(
    private readonly rng: Rng,
    private readonly ids: Rng,
    private readonly names: NamePools,
    private readonly plan: WorkforcePlan,
  ) {
    this.ceiling = new Float64Array(0);
    this.build();
    this.openSw = new Int32Array(this.workers.length);
    this.openIro = new Int32Array(this.workers.length);
    this.openPa = new Int32Array(this.workers.length);
  }

  static build(rng: Rng, ids: Rng, names: NamePools, plan: WorkforcePlan): Workforce {
    return new Workforce(rng, ids, names, plan);
  }

  private usedEmails = new Set<string>();
  private sweCounter = 0;
  private sweOffset = 0;

  private build(): void {
    const { rng, plan } = this;
    const f = plan.children / 2400;
    this.sweOffset = rng.int(900_000);

    // Teams.
    for (const kind of TEAM_KINDS) {
      const count = Math.max(1, Math.round(kind.perDefault * f));
      const teams: number[] = [];
      for (let i = 1; i <= count; i++) {
        const name = count > 1 || kind.numberedAlways ? `${kind.name} ${i}` : kind.name;
        const index = this.teams.length;
        this.teams.push({ index, teamId: this.ids.uuid(), name, service: kind.service, pool: kind.pool, managerIndex: -1 });
        teams.push(index);
      }
      this.pools.set(kind.pool, { teams, current: [], picker: null, leavers: [], leaveDays: new Int32Array(0) });
    }

    // Leadership and support, outside the teams.
    const staffEstimate = Math.max(15, Math.round(plan.children / 20));
    this.addWorker({ jobRole: 'director', teamIndex: null, pool: null, agencyChance: 0, leaver: false, swe: false });
    for (let i = 0; i < Math.max(1, Math.round(staffEstimate / 120)); i++)
      this.addWorker({ jobRole: 'head-of-service', teamIndex: null, pool: null, agencyChance: 0.1, leaver: false, swe: true });
    for (let i = 0; i < Math.max(1, Math.round(staffEstimate / 150)); i++)
      this.addWorker({ jobRole: 'performance-analyst', teamIndex: null, pool: null, agencyChance: 0, leaver: false, swe: false });
    for (let i = 0; i < Math.max(1, Math.round(staffEstimate / 80)); i++)
      this.addWorker({ jobRole: 'administrator', teamIndex: null, pool: null, agencyChance: 0.05, leaver: false, swe: false });

    // A manager for every team.
    for (const team of this.teams) {
      team.managerIndex = this.addWorker({ jobRole: 'team-manager', teamIndex: team.index, pool: null, agencyChance: 0.12, leaver: false, swe: true });
    }

    // Case holders, sized from the cases each pool will hold, spread over its teams.
    const ceilings = new Map<number, number>();
    for (const kind of TEAM_KINDS) {
      const state = this.pools.get(kind.pool) as PoolState;
      const expected = plan.expectedCases[kind.pool];
      let inPost: number;
      let role: () => JobRole;
      let swe = true;
      let agencyChance = 0.24;
      if (kind.pool === 'iro') {
        inPost = Math.max(1, Math.round(expected / IRO_CASELOAD));
        role = () => 'iro';
        agencyChance = 0.1;
      } else if (kind.pool === 'care-leavers') {
        inPost = Math.max(1, Math.round(expected / PA_CASELOAD));
        role = () => 'personal-adviser';
        swe = false;
        agencyChance = 0.05;
      } else if (kind.pool === 'front-door') {
        inPost = Math.max(1, Math.round(3 * f));
        role = () => (rng.chance(0.3) ? 'senior-practitioner' : 'social-worker');
      } else {
        inPost = Math.max(1, Math.round(expected / (TARGET_CASELOAD * 0.95)));
        role = () => (rng.chance(0.26) ? 'senior-practitioner' : 'social-worker');
      }
      const leavers = kind.pool === 'front-door' || kind.pool === 'iro' || kind.pool === 'care-leavers' ? 0 : Math.round(inPost * LEAVER_SHARE);
      const weights: number[] = [];
      for (let i = 0; i < inPost; i++) {
        const teamIndex = state.teams[i % state.teams.length] as number;
        const w = this.addWorker({ jobRole: role(), teamIndex, pool: kind.pool, agencyChance, leaver: false, swe });
        state.current.push(w);
        weights.push(this.caseloadWeight(this.workers[w] as SeedWorker));
      }
      for (let i = 0; i < leavers; i++) {
        const teamIndex = state.teams[i % state.teams.length] as number;
        state.leavers.push(this.addWorker({ jobRole: role(), teamIndex, pool: kind.pool, agencyChance: 0.45, leaver: true, swe }));
      }
      state.leavers.sort((a, b) => (this.workers[a]?.leave as number) - (this.workers[b]?.leave as number) || a - b);
      state.leaveDays = Int32Array.from(state.leavers, (w) => this.workers[w]?.leave as number);
      if (kind.pool !== 'front-door') {
        state.picker = new WeightedPicker(state.current, weights);
        const totalWeight = weights.reduce((a, b) => a + b, 0);
        for (const [i, w] of state.current.entries()) ceilings.set(w, 1.1 * ((weights[i] as number) / totalWeight) * expected + 3);
      }
    }
    this.ceiling = Float64Array.from(this.workers, (w) => ceilings.get(w.index) ?? Number.POSITIVE_INFINITY);
  }

  /** How much of a pool's work a worker takes: part-timers and new starters less, a tenth overloaded. */
  private caseloadWeight(w: SeedWorker): number {
    const { rng, plan } = this;
    let factor: number;
    if (w.pool === 'iro' || w.pool === 'care-leavers') factor = 0.85 + rng.next() * 0.3;
    else if (plan.asOf - w.start < 90) factor = 0.45;
    else if (rng.chance(0.12)) factor = 1.35 + rng.next() * 0.2;
    else factor = 0.8 + rng.next() * 0.35;
    if (w.jobRole === 'senior-practitioner') factor *= 0.9;
    return factor * w.fte;
  }

  private addWorker(spec: { jobRole: JobRole; teamIndex: number | null; pool: Pool | null; agencyChance: number; leaver: boolean; swe: boolean }): number {
    const { rng, plan, names } = this;
    const agency = rng.chance(spec.agencyChance);
    const female = rng.chance(0.8); // the social work workforce is about four-fifths women
    const givenName = rng.pick(female ? names.female : names.male);
    const familyName = rng.pick(names.family);
    let start: number;
    let leave: number | null = null;
    if (spec.leaver) {
      leave = plan.asOf - rng.between(7, 360);
      start = leave - (agency ? rng.between(45, 540) : 150 + Math.floor(rng.next() ** 1.5 * 9 * 365));
    } else if (agency) {
      start = plan.asOf - rng.between(14, 720);
    } else {
      start = plan.asOf - (45 + Math.floor(rng.next() ** 1.5 * 16 * 365));
    }
    const fte = agency ? 1 : rng.chance(0.8) ? 1 : rng.chance(0.6) ? 0.8 : 0.6;
    const swe = spec.swe ? `SW${100000 + ((this.sweCounter++ * 7919 + this.sweOffset) % 900000)}` : null;
    const base = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email = `${base}@${plan.emailDomain}`;
    for (let n = 2; this.usedEmails.has(email); n++) email = `${base}${n}@${plan.emailDomain}`;
    this.usedEmails.add(email);
    const index = this.workers.length;
    this.workers.push({
      index,
      workerId: this.ids.uuid(),
      givenName,
      familyName,
      jobRole: spec.jobRole,
      employment: agency ? 'agency' : 'permanent',
      teamIndex: spec.teamIndex,
      pool: spec.pool,
      start,
      leave,
      fte,
      swe,
      email,
    });
    return index;
  }

  worker(index: number): SeedWorker {
    return this.workers[index] as SeedWorker;
  }

  teamOf(index: number): SeedTeam | null {
    const t = this.workers[index]?.teamIndex;
    return t === null || t === undefined ? null : (this.teams[t] as SeedTeam);
  }

  teamsIn(pool: Pool): readonly number[] {
    return (this.pools.get(pool) as PoolState).teams;
  }

  firstOf(role: JobRole): SeedWorker | null {
    return this.workers.find((w) => w.jobRole === role && w.leave === null) ?? null;
  }

  /**
   * A worker in post in the pool who had started by `startBy`, other than `exclude`, weighted by
   * caseload share, from `preferTeam` when that is given and they have someone. If nobody in the
   * pool had started by then, a worker who started later (the caller starts the allocation on
   * their start date).
   */
  pickCurrent(pool: Pool, startBy: number, exclude = -1, preferTeam = -1, load: Int32Array | null = null): number {
    const state = this.pools.get(pool) as PoolState;
    const picker = state.picker;
    if (!picker) throw new Error(`No case holders in the ${pool} pool`);
    for (let tries = 0; tries < 16; tries++) {
      const w = picker.pick(this.rng);
      const worker = this.workers[w] as SeedWorker;
      if (w === exclude || worker.start > startBy) continue;
      if (load && (load[w] as number) >= (this.ceiling[w] as number) && tries < 12) continue;
      if (preferTeam >= 0 && worker.teamIndex !== preferTeam && tries < 8) continue;
      return w;
    }
    const n = state.current.length;
    const offset = this.rng.int(n);
    let full = -1;
    for (let i = 0; i < n; i++) {
      const w = state.current[(offset + i) % n] as number;
      if (w === exclude || (this.workers[w] as SeedWorker).start > startBy) continue;
      if (!load || (load[w] as number) < (this.ceiling[w] as number)) return w;
      if (full < 0) full = w;
    }
    if (full >= 0) return full;
    for (let tries = 0; tries < 4; tries++) {
      const w = picker.pick(this.rng);
      if (w !== exclude) return w;
    }
    return state.current[0] as number;
  }

  /** The longest-serving worker in post in the pool (other than `exclude`). */
  pickEarliest(pool: Pool, exclude = -1): number {
    const state = this.pools.get(pool) as PoolState;
    let best = -1;
    for (const w of state.current)
      if (w !== exclude && (best < 0 || (this.workers[w] as SeedWorker).start < (this.workers[best] as SeedWorker).start)) best = w;
    return best;
  }

  /** A worker in post in the pool, weighted by caseload share, whenever they started. */
  pickAny(pool: Pool, exclude = -1, load: Int32Array | null = null): number {
    const state = this.pools.get(pool) as PoolState;
    const picker = state.picker;
    if (!picker) throw new Error(`No case holders in the ${pool} pool`);
    for (let tries = 0; tries < 12; tries++) {
      const w = picker.pick(this.rng);
      if (w === exclude) continue;
      if (load && (load[w] as number) >= (this.ceiling[w] as number) && tries < 8) continue;
      return w;
    }
    return state.current[0] as number;
  }

  /** A case holder from the pool who left in (after, upTo] and had started by `startBy`; -1 if none. */
  pickLeaverLeavingIn(pool: Pool, after: number, upTo: number, startBy: number, exclude = -1): number {
    const state = this.pools.get(pool) as PoolState;
    if (upTo <= after || state.leavers.length === 0) return -1;
    const lo = lowerBound(state.leaveDays, after + 1);
    const hi = lowerBound(state.leaveDays, upTo + 1);
    if (hi <= lo) return -1;
    for (let tries = 0; tries < 6; tries++) {
      const w = state.leavers[lo + this.rng.int(hi - lo)] as number;
      if (w !== exclude && (this.workers[w] as SeedWorker).start <= startBy) return w;
    }
    return -1;
  }

  /** A case holder from the pool who left on or after `from` and had started by `startBy`; -1 if none. */
  pickLeaverLeavingFrom(pool: Pool, from: number, startBy: number, exclude = -1): number {
    const state = this.pools.get(pool) as PoolState;
    const lo = lowerBound(state.leaveDays, from);
    const n = state.leavers.length;
    if (lo >= n) return -1;
    for (let tries = 0; tries < 4; tries++) {
      const w = state.leavers[lo + this.rng.int(n - lo)] as number;
      if (w !== exclude && (this.workers[w] as SeedWorker).start <= startBy) return w;
    }
    return -1;
  }
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
