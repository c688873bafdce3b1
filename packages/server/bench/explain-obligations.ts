/**
 * Where one child's deadline refresh spends its time, on a seeded council:
 *   DATABASE_URL=postgres://… npx tsx packages/server/bench/explain-obligations.ts [child-id]
 * Runs the refresh once while its statements are noted (each one's round trip timed), then
 * EXPLAIN ANALYZEs each statement in a transaction that is rolled back.
 *   REBUILD=plan-action,cin-visit [SETTLED=keep] [EXPLAIN_SQL=regex] [DIGEST=1] … explain-obligations.ts
 * instead runs a whole council's rebuild, rolled back, printing each step's time (the slowest
 * first) and the EXPLAIN ANALYZE of the named rules' statements (and of those whose text
 * EXPLAIN_SQL matches) as the rebuild runs them.
 */
import { readFileSync } from 'node:fs';
import type { CompiledQuery } from 'kysely';
import { sql } from 'kysely';
import '../src/areas/obligation-rules.ts';
import { withCouncil } from '../src/kernel/db/council.ts';
import { openStore } from '../src/kernel/db/store.ts';
import { refreshObligations } from '../src/kernel/obligations.ts';

const store = await openStore({ kind: 'postgres', databaseUrl: process.env.DATABASE_URL as string });
const { db } = store;
const laCode = 'E06000019';
const childId =
  process.argv[2] ??
  (await db.selectFrom('cp_plan').select('child_id').where('la_code', '=', laCode).where('end_date', 'is', null).limit(1).executeTakeFirstOrThrow()).child_id;

if (process.env.REBUILD) {
  await explainRebuild(process.env.REBUILD.split(','));
  await store.close();
  process.exit(0);
}

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `array[${v.map(literal).join(',')}]`;
  return `'${String(v).replaceAll("'", "''")}'`;
};

type Executor = { executeQuery: (q: CompiledQuery, ...rest: unknown[]) => Promise<unknown> };
const noted: { q: CompiledQuery; ms: number }[] = [];
for (let i = 0; i < Number(process.env.RUNS ?? 5); i++) {
  noted.length = 0;
  // In a transaction, as an event's refresh runs; each statement's round trip noted.
  await db.transaction().execute(async (trx) => {
    const executor = trx.getExecutor() as unknown as Executor;
    const execute = executor.executeQuery.bind(executor);
    executor.executeQuery = async (q, ...rest) => {
      const t = performance.now();
      const r = await execute(q, ...rest);
      noted.push({ q, ms: performance.now() - t });
      return r;
    };
    const t = performance.now();
    await refreshObligations(trx, laCode, { childIds: [childId] });
    process.stdout.write(`refresh ${i + 1}: ${(performance.now() - t).toFixed(1)} ms\n`);
    executor.executeQuery = execute;
  });
}
for (const { q, ms } of noted) process.stdout.write(`${ms.toFixed(1).padStart(8)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 110)}\n`);
if (process.env.EXPLAIN) {
  await withCouncil(laCode, () =>
    db
      .transaction()
      .execute(async (trx) => {
        await sql`select set_config('lantern.la_code', ${laCode}, true)`.execute(trx);
        await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
        // The event's children, as its statements read them (a setting, obligations-write.ts).
        await sql`select set_config('lantern.event_children', ${`{${childId}}`}, true)`.execute(trx);
        for (const [i, { q }] of noted.filter((n) => n.q.sql.startsWith('/* prepared */')).entries()) {
          // As the event runs it: prepared, its generic plan made on the first run and kept.
          await sql.raw(`prepare refresh_${i} as ${q.sql}`).execute(trx);
          for (let run = 0; run < 3; run++) {
            const plan = await sql
              .raw<{ 'QUERY PLAN': string }>(
                `explain (analyze, buffers) execute refresh_${i}${q.parameters.length ? `(${q.parameters.map((v) => (Array.isArray(v) ? `'{${v.join(',')}}'` : literal(v))).join(', ')})` : ''}`,
              )
              .execute(trx);
            const lines = plan.rows.map((r) => r['QUERY PLAN']);
            process.stdout.write(
              `\n=== prepared ${i}, run ${run + 1}: ${q.sql.replace(/\s+/g, ' ').slice(15, 80)}\n${(process.env.EXPLAIN === 'full' ? lines : lines.slice(-3)).join('\n')}\n`,
            );
          }
        }
        for (const { q } of noted.filter((n) => /^\s*(with|select|insert|delete|update)/i.test(n.q.sql))) {
          const text = q.sql.replace(/\$(\d+)/g, (_, n) => literal(q.parameters[Number(n) - 1]));
          const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`).execute(trx);
          process.stdout.write(`\n=== ${text.replace(/\s+/g, ' ').slice(0, 80)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
        }
        throw new Error('rolled back');
      })
      .catch((e: Error) => {
        if (e.message !== 'rolled back') throw e;
      }),
  );
}
await store.close();

/** A council's rebuild, rolled back: each rule's time, and the plans of the rules named (run by EXPLAIN ANALYZE in its place). */
async function explainRebuild(rules: string[]) {
  const steps: Record<string, number> = {};
  await db
    .transaction()
    .execute(async (trx) => {
      const executor = trx.getExecutor() as unknown as Executor;
      const execute = executor.executeQuery.bind(executor);
      executor.executeQuery = async (q, ...rest) => {
        const rule = /^\s*insert into obligation/.test(q.sql) && q.parameters.find((p): p is string => typeof p === 'string' && rules.includes(p));
        const matched =
          process.env.EXPLAIN_SQL &&
          /^\s*(with|select|insert|delete|update|create temporary table \w+ on commit drop as)/i.test(q.sql) &&
          new RegExp(process.env.EXPLAIN_SQL).test(q.sql);
        if (!rule && !matched) return execute(q, ...rest);
        const plan = (await execute({ ...q, sql: `explain (analyze, buffers) ${q.sql}` }, ...rest)) as { rows: { 'QUERY PLAN': string }[] };
        process.stdout.write(`\n=== ${rule || q.sql.replace(/\s+/g, ' ').slice(0, 100)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
        return { rows: [], numAffectedRows: 0n };
      };
      const settled = process.env.SETTLED === 'keep' ? 'keep' : 'rederive';
      // The database's CPU for the rebuild (its backend, on this machine): a figure load inflates far less than wall time.
      const pid = Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]?.pid);
      const cpu = () => {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return (Number(fields[11]) + Number(fields[12])) / 100;
      };
      // Each step's database CPU beside its wall time: the steps a busy machine slows can be told from those that work.
      const stepCpu: Record<string, number> = {};
      let last = 0;
      const timing = (step: string, ms: number) => {
        const now = cpu();
        steps[step] = (steps[step] ?? 0) + ms;
        stepCpu[step] = (stepCpu[step] ?? 0) + now - last;
        last = now;
      };
      // The council's deadlines before and after, as the bench's digest: a rebuild of an unchanged record changes none of them.
      const digest = async () => {
        const d = await sql<{ n: string; h: string }>`
          select count(*)::text as n, coalesce(sum(hashtextextended(concat_ws('|', child_id, rule_id, source_id, episode_id, start_date, due_date, due_at,
            met_on, ended_on, end_reason, responsible_worker_id, responsible_team_id), 0)::numeric), 0)::text as h
          from obligation where la_code = ${laCode}`.execute(trx);
        return `${d.rows[0]?.n} rows, digest ${d.rows[0]?.h}`;
      };
      const before = process.env.DIGEST ? await digest() : '';
      const cpuBefore = cpu();
      last = cpuBefore;
      const r = await refreshObligations(trx, laCode, { settled, timing });
      process.stdout.write(`\nrebuild (${settled}, rolled back): ${r.seconds.toFixed(1)} s, database CPU ${(cpu() - cpuBefore).toFixed(1)} s\n`);
      if (process.env.DIGEST) {
        const after = await digest();
        process.stdout.write(`deadlines before: ${before}\ndeadlines after:  ${after}${after === before ? ' (the same)' : ' (DIFFERENT)'}\n`);
      }
      for (const [step, ms] of Object.entries(steps).sort((a, b) => b[1] - a[1]))
        process.stdout.write(`${(ms / 1000).toFixed(2).padStart(8)} s ${(stepCpu[step] ?? 0).toFixed(2).padStart(7)} s CPU  ${step}\n`);
      throw new Error('rolled back');
    })
    .catch((e: Error) => {
      if (e.message !== 'rolled back') throw e;
    });
}
