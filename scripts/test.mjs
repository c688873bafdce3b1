#!/usr/bin/env node
// `npm test`: typecheck, lint, then every test suite — unit, database (on PGlite and on
// PostgreSQL) and browser (Debian's Chromium). A suite whose server or browser is missing is
// skipped with one line saying how to enable it; under CI=true nothing may be skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const chromium = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.slice(2); // e.g. `npm test -- unit db-pglite`

function run(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const projects = ['unit', 'db-pglite'];
const skipped = [];
if (await postgresAnswers()) projects.push('db-postgres');
else skipped.push(`db-postgres: no PostgreSQL answers at ${databaseUrl.replace(/\/\/[^@/]*@/, '//')}; start one there or set TEST_DATABASE_URL`);
if (existsSync(chromium)) projects.push('browser');
else skipped.push(`browser: no Chromium at ${chromium}; install it with 'apt-get install chromium' (or set LANTERN_CHROMIUM)`);

for (const line of skipped) process.stdout.write(`SKIPPED ${line}\n`);
if (ci && skipped.length) {
  process.stdout.write('CI=true: every suite must run, so this run fails.\n');
  process.exit(1);
}

const wanted = only.length ? projects.filter((p) => only.includes(p)) : projects;
let ok = true;
if (!only.length) {
  ok = run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'packages/core']) && ok;
  ok = run('typecheck server', 'npx', ['tsc', '--noEmit', '-p', 'packages/server']) && ok;
  ok = run('typecheck web', 'npx', ['tsc', '--noEmit', '-p', 'packages/web']) && ok;
  ok = run('lint', 'npx', ['biome', 'check', '.']) && ok;
}
if (wanted.includes('browser')) ok = run('build the web app for the browser suite', 'npm', ['run', 'build:web', '--silent']) && ok;

const reportDir = mkdtempSync(path.join(tmpdir(), 'lantern-test-'));
const report = path.join(reportDir, 'report.json');
const args = ['vitest', 'run', ...wanted.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
ok = run(`tests: ${wanted.join(', ')}`, 'npx', args) && ok;

let counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  counts = { passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
}
rmSync(reportDir, { recursive: true, force: true });
if (counts.passed === 0) ok = false;
if (skipped.length) process.stdout.write(`suites skipped: ${skipped.map((s) => s.split(':')[0]).join(', ')}\n`);
process.stdout.write(`\nSUMMARY ${ok ? 'all checks passed' : 'SOMETHING FAILED'}\n`);
process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(ok ? 0 : 1);
