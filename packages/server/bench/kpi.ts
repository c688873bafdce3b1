/** Every performance indicator for a council of 50,000 children, and for one team, as `lantern kpi` and the dashboard count them. */
import { INDICATORS } from '@lantern/core/indicators';
import { computeAll, computeIndicator } from '../src/areas/performance/index.ts';
import type { Store } from '../src/kernel/db/store.ts';
import { councilChildren, figure, onEachStore } from './harness.ts';

/** Every indicator for the council, and for one team, as of the seed's date (median of 3). */
async function kpiFigures(store: Store, label: string) {
  const laCode = 'E06000019';
  const asOf = '2026-11-23';
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await run();
      times.push((performance.now() - t) / 1000);
    }
    return times.sort((a, b) => a - b)[1] as number;
  };
  const count = INDICATORS.length;
  figure(`every indicator (${count}) for the council, ${label} (median of 3)`, await median(() => computeAll(store.db, laCode, { asOf, live: true })), 's');
  const team = await store.db
    .selectFrom('team')
    .select('team_id')
    .where('la_code', '=', laCode)
    .where('service', '=', 'Children in need')
    .limit(1)
    .executeTakeFirst();
  if (team)
    figure(
      `every indicator for one team, ${label} (median of 3)`,
      await median(() => computeAll(store.db, laCode, { asOf, live: true, scope: { kind: 'team', id: team.team_id } })),
      's',
    );
  for (const id of [
    'contact-decisions-1wd',
    'children-3plus-workers',
    'cp-visits-in-time',
    'cla-long-term-stability',
    'turnover-rate',
    'management-oversight-in-time',
  ]) {
    figure(`  ${id}, council, ${label}`, await median(() => computeIndicator(store.db, laCode, id, { asOf, live: true })), 's');
  }
}

export async function kpiCase(work: string, hasPostgres: boolean): Promise<void> {
  // The full indicator set for a council of 50,000 children, as `lantern kpi` and the dashboard count it.
  // LANTERN_BENCH_KPI_CHILDREN sets a smaller council; a seeded one can be named (onEachStore).
  const children = Number(process.env.LANTERN_BENCH_KPI_CHILDREN ?? 50_000);
  await onEachStore('kpi', { work, hasPostgres, children }, async (store, on) => {
    const size = on.kept ? await councilChildren(store) : children;
    await kpiFigures(store, `${size.toLocaleString('en-GB')} children, ${on.label}`);
  });
}
