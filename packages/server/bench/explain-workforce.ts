/**
 * The plans of the workforce views' queries on a seeded council, for finding what is slow:
 *   DATABASE_URL=postgres://… npx tsx packages/server/bench/explain-workforce.ts [caseloads|history|churn|gaps|teams]
 * Each view is run once while its queries are noted, then each select is EXPLAIN ANALYZEd.
 */
import type { CompiledQuery } from 'kysely';
import { sql } from 'kysely';
import { openStore } from '../src/kernel/db/store.ts';
import { allocationGaps, caseloadHistory, caseloads, churn, teamStats } from '../src/areas/workforce/index.ts';

const only = process.argv.slice(2);
const store = await openStore({ kind: 'postgres', databaseUrl: process.env.DATABASE_URL as string });
const { db } = store;
const laCode = 'E06000019';
const hos = await db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'hos.demo').executeTakeFirstOrThrow();
const tm = await db.selectFrom('app_user').selectAll().where('la_code', '=', laCode).where('username', '=', 'tm.demo').executeTakeFirstOrThrow();
const team = await db
  .selectFrom('worker')
  .select('team_id')
  .where('worker_id', '=', tm.worker_id as string)
  .executeTakeFirstOrThrow();
const actor = {
  user: { userId: hos.user_id, laCode, username: hos.username, displayName: hos.display_name, role: 'head-of-service' as const, workerId: null, teamId: null },
  ip: null,
  userAgent: 'explain',
};
const views: Record<string, () => Promise<unknown>> = {
  caseloads: () => caseloads(db, laCode, {}),
  history: () => caseloadHistory(db, laCode, { teamId: team.team_id as string, months: 12 }),
  churn: () => churn(db, actor, { limit: 200 }),
  gaps: () => allocationGaps(db, actor, { limit: 200 }),
  teams: () => teamStats(db, laCode, { months: 12 }),
};

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `array[${v.map(literal).join(',')}]`;
  return `'${String(v).replaceAll("'", "''")}'`;
};

const executor = db.getExecutor() as unknown as { executeQuery: (q: CompiledQuery, ...rest: unknown[]) => Promise<unknown> };
const execute = executor.executeQuery.bind(executor);
for (const [name, run] of Object.entries(views)) {
  if (only.length && !only.includes(name)) continue;
  const noted: CompiledQuery[] = [];
  executor.executeQuery = (q, ...rest) => {
    noted.push(q);
    return execute(q, ...rest);
  };
  await run();
  executor.executeQuery = execute;
  for (const q of noted.filter((n) => /^\s*(with|select)/i.test(n.sql))) {
    const text = q.sql.replace(/\$(\d+)/g, (_, n) => literal(q.parameters[Number(n) - 1]));
    const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain analyze ${text}`).execute(db);
    process.stdout.write(`\n=== ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
}
await store.close();
