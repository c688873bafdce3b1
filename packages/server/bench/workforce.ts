/**
 * The workforce views as a head of service and a team manager see them (caseloads, churn, team
 * turnover, allocation gaps, the supervision worklist), wall time and CPU time, on both stores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds as processCpuSeconds } from './database-cpu.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { figure, onEachStore } from './harness.ts';

/**
 * CPU seconds spent so far by this process (every thread, so PGlite's worker too) and, on
 * PostgreSQL, by the server processes serving the bench's database (found by the database name
 * in their process titles; a parallel worker's time is not seen once it has exited). The machine
 * is shared, so CPU time is the steadier figure; wall time includes waiting for a core.
 */
function cpuSeconds(database: string | null): { node: number; db: number } {
  const u = process.cpuUsage();
  let db = 0;
  if (database) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (title.startsWith('postgres: ') && title.split(' ').includes(database)) db += processCpuSeconds(Number(pid)) ?? 0;
      } catch {
        // the process ended while we looked
      }
    }
  }
  return { node: (u.user + u.system) / 1e6, db };
}

/** The workforce views as a head of service sees them, each the median of 5 after a warm-up, with mean CPU per run. */
async function workforceFigures(store: Store, label: string, database: string | null) {
  const laCode = 'E06000019';
  const { caseloads, caseloadHistory, churn, teamStats, allocationGaps } = await import('../src/areas/workforce/index.ts');
  const { workerWorklist } = await import('../src/areas/supervision/index.ts');
  const { refreshWorkerObligations } = await import('../src/kernel/worker-obligations.ts');
  const staff = await store.db.selectFrom('worker').select(store.db.fn.countAll<number>().as('n')).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  const hos = await store.db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'hos.demo').executeTakeFirstOrThrow();
  const tm = await store.db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'tm.demo').executeTakeFirstOrThrow();
  const team = await store.db
    .selectFrom('worker')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('worker_id', '=', tm.worker_id as string)
    .executeTakeFirstOrThrow();
  const actor = (u: typeof hos, teamId: string | null) => ({
    user: { userId: u.user_id, laCode, username: u.username, displayName: u.display_name, role: u.role as 'head-of-service', workerId: u.worker_id, teamId },
    ip: null,
    userAgent: 'bench',
  });
  const time = async (name: string, run: () => Promise<unknown>) => {
    await run();
    const ms: number[] = [];
    const before = cpuSeconds(database);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await run();
      ms.push(performance.now() - t);
    }
    const after = cpuSeconds(database);
    ms.sort((a, b) => a - b);
    const cpu = ((after.node - before.node + after.db - before.db) / 5) * 1000;
    const split = database
      ? `node ${(((after.node - before.node) / 5) * 1000).toFixed(0)} + server ${(((after.db - before.db) / 5) * 1000).toFixed(0)} ms`
      : 'one process';
    figure(`${name}, ${Number(staff.n).toLocaleString('en-GB')} staff, ${label}: median`, ms[2] as number, 'ms');
    figure(`${name}, ${label}: CPU per run`, cpu, 'ms', split);
  };
  await time('caseloads of every worker, by team and service', () => caseloads(store.db, laCode, {}));
  await time('caseloads of one team over 12 month ends', () => caseloadHistory(store.db, laCode, { teamId: team.team_id as string, months: 12 }));
  await time('churn: social workers per child, whole council', () => churn(store.db, actor(hos, null), { limit: 200 }));
  await time('team stats: 12 month ends, every team', () => teamStats(store.db, laCode, { months: 12 }));
  await time('allocation gaps, whole council', () => allocationGaps(store.db, actor(hos, null), { limit: 200 }));
  await time('supervision worklist, whole service', () => workerWorklist(store.db, actor(hos, null), { view: 'service', limit: 200 }));
  await time('supervision worklist, a team manager', () => workerWorklist(store.db, actor(tm, team.team_id), { view: 'mine', limit: 200 }));
  await time('rebuild every worker deadline (supervision, induction)', () => refreshWorkerObligations(store.db, laCode));
}

export async function workforceCase(work: string, hasPostgres: boolean): Promise<void> {
  // The generator staffs about one worker for every 18.6 children: 18,600 children make ~1,000 staff.
  // A seeded council can be named instead (onEachStore).
  const children = Number(process.env.LANTERN_BENCH_WORKFORCE_CHILDREN ?? 18_600);
  await onEachStore('workforce', { work, hasPostgres, children }, (store, on) => workforceFigures(store, on.label, on.database));
}
