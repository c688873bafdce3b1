// Per-request DB CPU of one prepared statement: run it N times on one connection (as lantern_app,
// under the council), and read the backend's CPU from /proc before and after.
// Usage: node cpu.mjs <db-url> <sql-file> <params-json-file (array of param arrays)> [n] [setup-sql]
import { readFileSync } from 'node:fs';
import pg from 'pg';
const [url, sqlFile, paramsFile, n = '2000', setup = ''] = process.argv.slice(2);
const text = readFileSync(sqlFile, 'utf8');
const params = JSON.parse(readFileSync(paramsFile, 'utf8'));
const c = new pg.Client({ connectionString: url, options: '-c jit=off' });
await c.connect();
const pid = (await c.query('select pg_backend_pid() as p')).rows[0].p;
await c.query(`set role lantern_app`);
await c.query(`select set_config('lantern.la_code', $1, false)`, [params.la]);
if (setup) await c.query(setup);
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const run = async (i) => c.query({ name: 'measured', text, values: params.list[i % params.list.length] });
for (let i = 0; i < 50; i++) await run(i);
const c0 = cpu(), t0 = performance.now();
let rows = 0;
for (let i = 0; i < Number(n); i++) rows += (await run(i)).rowCount;
const ms = cpu() - c0, wall = performance.now() - t0;
console.log(`${sqlFile.split('/').pop()} ${setup}: DB CPU ${(ms / Number(n)).toFixed(3)} ms/exec, wall ${(wall / Number(n)).toFixed(3)} ms/exec, rows ${rows}`);
await c.end();
