/**
 * `npm run bench -- obligations`: the timescales engine on a seeded council.
 *   rebuild, everything re-derived     `lantern obligations --rebuild` (an import, a repair), by step
 *   rebuild, settled history kept      a new council timescale or the nightly job (target: under
 *                                      60 s for a 500,000-case population on PostgreSQL)
 *   one recorded event                 a visit through the service the API uses, with its deadlines
 *   one child's deadlines refreshed    the deadlines' part of an event alone (target: under 5 ms)
 * and a digest of the council's deadlines after each rebuild, so two runs (before and after a change
 * to the engine) can be compared row for row. Peak memory is this process's resident high-water
 * mark: the derivation itself runs in the database.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { recordVisit } from '../src/areas/referrals/cin-plans.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { engineRuleIds, refreshObligations } from '../src/kernel/obligations.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

/** How many rebuilds of each kind (LANTERN_BENCH_OBLIGATIONS_RUNS; each is minutes on a busy machine). */
const RUNS = Number(process.env.LANTERN_BENCH_OBLIGATIONS_RUNS ?? 3);

/** CPU seconds a process has used (user + system), from /proc: the database's share of the work, on this machine. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const peakMiB = () => process.resourceUsage().maxRSS / 1024;
const ROLLBACK = new Error('rolled back');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1] as number;

/**
 * The council's deadlines as one figure: how many, and a sum of a hash of each row (every column
 * but the refresh time), so the same rows give the same digest whatever order they were written in.
 */
export async function obligationDigest(store: Store, laCode: string): Promise<string> {
  const r = await sql<{ n: string; h: string }>`
    select count(*)::text as n, coalesce(sum(hashtextextended(concat_ws('|', child_id, rule_id, source_id, episode_id, start_date, due_date, due_at,
      met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id), 0)::numeric), 0)::text as h
    from obligation where la_code = ${laCode}`.execute(store.db);
  return `${r.rows[0]?.n} rows, digest ${r.rows[0]?.h}`;
}

export async function obligationFigures(store: Store, label: string, figure: Figure) {
  const laCode = 'E06000019';
  const before = await obligationDigest(store, laCode);
  process.stdout.write(`deadlines as seeded, ${label}: ${before}\n`);

  // LANTERN_BENCH_OBLIGATIONS_EVENTS_ONLY=1: the event figures alone (each rebuild takes minutes).
  if (!process.env.LANTERN_BENCH_OBLIGATIONS_EVENTS_ONLY) await rebuildFigures(store, laCode, label, figure, before);

  // One event: a visit to a child on a protection plan, through the same service the API uses.
  // A child the bench has not visited before: on a kept council, the same child's visits would pile
  // up run after run, and its refresh figures with them.
  const plan = await store.db
    .selectFrom('cp_plan')
    .select('child_id')
    .where('la_code', '=', laCode)
    .where('end_date', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('visit')
            .select('visit_id')
            .whereRef('visit.la_code', '=', 'cp_plan.la_code')
            .whereRef('visit.child_id', '=', 'cp_plan.child_id')
            .where('visit.child_words', 'like', 'Bench%'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  if (plan) {
    // Acting as the child's allocated social worker, as the API would for them.
    const holder = await store.db
      .selectFrom('allocation as a')
      .innerJoin('worker as w', (j) => j.onRef('w.la_code', '=', 'a.la_code').onRef('w.worker_id', '=', 'a.worker_id'))
      .select(['a.worker_id', 'w.team_id', 'w.given_name', 'w.family_name'])
      .where('a.la_code', '=', laCode)
      .where('a.child_id', '=', plan.child_id)
      .where('a.end_date', 'is', null)
      .where('a.allocation_role', '=', 'social-worker')
      .executeTakeFirstOrThrow();
    const actor = {
      user: {
        userId: crypto.randomUUID(),
        laCode,
        username: 'bench',
        displayName: `${holder.given_name} ${holder.family_name}`,
        role: 'social-worker' as const,
        workerId: holder.worker_id,
        teamId: holder.team_id,
      },
      ip: null,
      userAgent: 'bench',
      permission: 'casework:record' as const, // the visit route's
    };
    const event: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await recordVisit(store.db, actor, plan.child_id, {
        visitedOn: '2026-11-20',
        purpose: 'child-protection',
        childSeen: true,
        seenAlone: false,
        childWords: 'Bench visit.',
      });
      event.push(performance.now() - t);
    }
    figure(`one recorded event (a visit, with its deadlines), ${label}: median`, median(event), 'ms', `p90 ${p90(event).toFixed(1)} ms`);
    // The deadlines' part of the event alone: after a visit is written, the refresh an event runs
    // (the rules that read the tables its transaction changed); rolled back, so each run is alike.
    const visit = (trx: typeof store.db) =>
      recordVisit(trx, actor, plan.child_id, { visitedOn: '2026-11-21', purpose: 'child-protection', childSeen: true, seenAlone: true, childWords: 'Bench.' });
    const changed = await refreshFigures(store, laCode, plan.child_id, 'changed', visit);
    figure(`an event's deadlines (after a visit: the rules its tables feed), ${label}: median`, changed.median, 'ms', `target under 5 ms; ${changed.note}`);
    // Every rule re-derived for one child, as a refresh asked for by name does.
    const all = await refreshFigures(store, laCode, plan.child_id, 'all', async () => undefined);
    figure(`one child's deadlines, every rule re-derived, ${label}: median`, all.median, 'ms', all.note);
  }
  figure(`peak memory, deadlines, ${label} (process RSS high-water)`, peakMiB(), 'MiB', 'the derivation runs in the database');
}

/**
 * One child's refresh, 50 times for its wall time, then 200 times on one connection for its CPU (the
 * database's and this process's): a figure a busy machine inflates far less than wall time (the
 * database's is only readable when it runs on this machine). Each run is rolled back after `before`.
 */
async function refreshFigures(store: Store, laCode: string, childId: string, rules: 'all' | 'changed', before: (trx: Store['db']) => Promise<unknown>) {
  const walls: number[] = [];
  let derived = 0;
  const rolledBack = (work: (trx: Store['db']) => Promise<void>) =>
    store.db
      .transaction()
      .execute(async (trx) => {
        await work(trx);
        throw ROLLBACK;
      })
      .catch((e) => {
        if (e !== ROLLBACK) throw e;
      });
  for (let i = 0; i < 50; i++) {
    await rolledBack(async (trx) => {
      await before(trx);
      const t = performance.now();
      derived = (await refreshObligations(trx, laCode, { childIds: [childId], rules })).rules;
      walls.push(performance.now() - t);
    });
  }
  let cpu = { wall: 0, database: null as number | null, node: 0 };
  await rolledBack(async (trx) => {
    await before(trx);
    const pid = Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid);
    const local = (() => {
      try {
        return cpuSecondsOf(pid);
      } catch {
        return null;
      }
    })();
    const node = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < 200; i++) await refreshObligations(trx, laCode, { childIds: [childId], rules });
    const used = process.cpuUsage(node);
    cpu = {
      wall: (performance.now() - t) / 200,
      database: local === null ? null : ((cpuSecondsOf(pid) - local) * 1000) / 200,
      node: (used.user + used.system) / 1000 / 200,
    };
  });
  const database = cpu.database === null ? 'database unknown' : `database ${cpu.database.toFixed(2)} ms`;
  return {
    median: median(walls),
    note: `p90 ${p90(walls).toFixed(1)} ms; ${derived} of ${engineRuleIds().length} rules; CPU per refresh ${database} + Lantern ${cpu.node.toFixed(2)} ms (mean wall ${cpu.wall.toFixed(1)} ms on one connection)`,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A council's rebuild in a transaction of its own (as refreshObligations would open), with the CPU
 * its database backend used: a figure a busy machine inflates far less than wall time.
 */
async function withDatabaseCpu<T>(store: Store, rebuild: (trx: Store['db']) => Promise<T>): Promise<T & { cpu: string }> {
  // Every backend of the database, the rebuild's second connection too (obligations-alongside.ts).
  const backends = async () =>
    (
      await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`.execute(store.db)
    ).rows.map((r) => Number(r.pid));
  const cpu = async () => {
    if (store.kind !== 'postgres') return null; // PGlite runs in this process
    const seen = new Map<number, number>();
    try {
      for (const pid of await backends()) seen.set(pid, cpuSecondsOf(pid));
    } catch {
      return null; // the database runs elsewhere
    }
    return seen;
  };
  const before = await cpu();
  const r = await store.db.transaction().execute(rebuild);
  const after = await cpu();
  const used = before && after ? [...after].reduce((n, [pid, s]) => n + s - (before.get(pid) ?? 0), 0) : null;
  return { ...r, cpu: used === null ? 'database CPU unknown' : `database CPU ${used.toFixed(1)} s (every backend)` };
}

/** A rebuild's steps, its rules' derivations summed as one. */
function stepsOf(steps: Record<string, number>): string {
  const rules = Object.entries(steps).filter(([s]) => s.startsWith('rule '));
  const others = Object.entries(steps).filter(([s]) => !s.startsWith('rule '));
  const all = [...others, ...(rules.length ? [[`${rules.length} rules derived`, rules.reduce((n, [, ms]) => n + ms, 0)] as const] : [])];
  return all.map(([s, ms]) => `${s} ${seconds(ms)}`).join(', ');
}

/** Each rule's derivation, the slowest first (those under a tenth of a second left out). */
function byRule(steps: Record<string, number>): string {
  return Object.entries(steps)
    .filter(([s, ms]) => s.startsWith('rule ') && ms >= 100)
    .sort((a, b) => b[1] - a[1])
    .map(([s, ms]) => `${s.slice(5)} ${seconds(ms)}`)
    .join(', ');
}

async function rebuildFigures(store: Store, laCode: string, label: string, figure: Figure, before: string) {
  // Everything re-derived, as `lantern obligations --rebuild` and an import do (median of 3).
  const full: { seconds: number; steps: Record<string, number>; count: number; cpu: string }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const steps: Record<string, number> = {};
    const r = await withDatabaseCpu(store, (trx) =>
      refreshObligations(trx, laCode, { alongside: store.db, timing: (step, ms) => (steps[step] = (steps[step] ?? 0) + ms) }),
    );
    full.push({ seconds: r.seconds, steps, count: r.obligations, cpu: r.cpu });
  }
  const mid = full.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)] as (typeof full)[number];
  figure(
    `rebuild, everything re-derived, ${label} (median of ${RUNS})`,
    mid.seconds,
    's',
    `${mid.count.toLocaleString('en-GB')} obligations; ${mid.cpu}; ${stepsOf(mid.steps)}`,
  );
  process.stdout.write(`  by rule, ${label}: ${byRule(mid.steps)}\n`);
  const after = await obligationDigest(store, laCode);
  process.stdout.write(`deadlines after the rebuild, ${label}: ${after}${after === before ? ' (the same rows as seeded)' : ' (DIFFERENT from the seed)'}\n`);

  // Settled history kept, as a new timescale and the nightly job do (median of 3).
  const kept: { seconds: number; count: number; steps: Record<string, number>; cpu: string }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const steps: Record<string, number> = {};
    const r = await withDatabaseCpu(store, (trx) =>
      refreshObligations(trx, laCode, { settled: 'keep', alongside: store.db, timing: (step, ms) => (steps[step] = (steps[step] ?? 0) + ms) }),
    );
    kept.push({ seconds: r.seconds, count: r.obligations, steps, cpu: r.cpu });
  }
  const keptMid = kept.sort((a, b) => a.seconds - b.seconds)[Math.floor(RUNS / 2)] as (typeof kept)[number];
  const open = await sql<{ n: string }>`
      select count(distinct child_id)::text as n from obligation where la_code = ${laCode} and met_on is null and ended_on is null`.execute(store.db);
  figure(
    `rebuild, settled history kept, ${label} (median of ${RUNS})`,
    keptMid.seconds,
    's',
    `target under 60 s at 500,000 cases; ${keptMid.count.toLocaleString('en-GB')} obligations of ${Number(open.rows[0]?.n).toLocaleString('en-GB')} children with one open re-derived; ${keptMid.cpu}; ${stepsOf(keptMid.steps)}`,
  );
  process.stdout.write(`  by rule, settled history kept, ${label}: ${byRule(keptMid.steps)}\n`);
  const last = await obligationDigest(store, laCode);
  process.stdout.write(`deadlines after the rebuilds, ${label}: ${last}${last === before ? ' (the same rows as seeded)' : ' (DIFFERENT from the seed)'}\n`);
}
