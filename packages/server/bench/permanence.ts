/** The permanence generator's share of the demo council, and the refresh one looked-after child's event costs. */
import { openStore } from '../src/kernel/db/store.ts';
import { refreshObligations } from '../src/kernel/obligations.ts';
import { figure } from './harness.ts';

export async function permanenceFigures() {
  const { seedCouncil } = await import('../src/seed/generate.ts');
  const { PERMANENCE_TABLES } = await import('../src/seed/permanence.ts');
  const store = await openStore({ kind: 'pglite-memory' });
  try {
    const began = performance.now();
    const summary = await seedCouncil(store.db, { children: 2400 });
    const rows = PERMANENCE_TABLES.reduce((n, t) => n + (summary.records[t] ?? 0), 0);
    figure(
      'seed demo council (2,400 children) in process, PGlite: time',
      (performance.now() - began) / 1000,
      's',
      `${rows.toLocaleString('en-GB')} permanence/UASC/health/leaver rows`,
    );
    const children = await store.db.selectFrom('care_period').select('child_id').where('la_code', '=', 'E06000019').limit(20).execute();
    const times: number[] = [];
    for (const c of children) {
      const t = performance.now();
      await refreshObligations(store.db, 'E06000019', { childIds: [c.child_id] });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    figure('refresh one looked-after child’s deadlines, PGlite: median of 20', times[Math.floor(times.length / 2)] as number, 'ms', 'all rules');
  } finally {
    await store.close();
  }
}
