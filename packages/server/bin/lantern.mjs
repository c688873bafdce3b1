#!/usr/bin/env node
// The `lantern` command. Lantern runs its TypeScript directly through tsx, so there is no
// build step between a checkout and a running server.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Runs the command again in a second process with V8's flags given, and ends as it ends (its status, or its signal). */
function runAgainWith(flags, script) {
  const run = spawnSync(process.execPath, [...flags, ...process.execArgv, ...script], { stdio: 'inherit' });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

// Checking an SSDA903 return keeps every value of every table: nearly all it reads outlives V8's
// young generation, which a larger one copies less often (on the national return, a sixth less CPU
// and a fifth less peak memory). Made that large from the start, not grown from 1 MB: 3 scavenges
// instead of 15, and the rules' short-lived sets and arrays die young instead of being promoted
// (no full collection at all instead of 3). V8 takes its heap's sizes only at start, hence a second process.
// That process runs the command bundled (validate-bundle.mjs), or the sources through tsx when it cannot.
if (process.argv[2] === 'validate' && process.argv[3] === 'ssda903' && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const { validateSsda903Bundle } = await import('./validate-bundle.mjs');
  const bundle = await validateSsda903Bundle();
  const script = bundle ? [bundle, ...process.argv.slice(2)] : process.argv.slice(1);
  runAgainWith(['--max-semi-space-size=64', '--min-semi-space-size=64'], script);
}

// Seeding a council makes text and rows far faster than V8, left to size its own heap on a large
// machine, collects them: at 50,000 children the seed's peak went from 0.9 to 1.7 GB between runs
// of the same code (the live heap is under 512 MB: it completes within that). A capped old
// generation holds the peak near half a gigabyte whatever the load; a larger young one lets the
// short-lived text die there (50,000 children on PostgreSQL: peak 910 → 471 MiB, node CPU 92.7 →
// 99.3 s, wall 274 → 268 s, one pair). A limit the caller set in NODE_OPTIONS is left to rule.
// The live heap grows with the council (the workforce and case histories are made whole): a
// council larger than 50,000 children gets the same room for each 50,000 (at 500,000 the seed
// ran out of heap at its first stage under 768 MB).
if (
  process.argv[2] === 'seed' &&
  !process.execArgv.some((a) => a.startsWith('--max-old-space-size')) &&
  !(process.env.NODE_OPTIONS ?? '').includes('--max-old-space-size')
) {
  const at = process.argv.findIndex((a) => a === '--children' || a.startsWith('--children='));
  const children = at < 0 ? 0 : Number(process.argv[at].includes('=') ? process.argv[at].split('=')[1] : process.argv[at + 1]);
  const oldSpace = 768 * Math.max(1, Math.ceil((Number.isFinite(children) ? children : 0) / 50_000));
  runAgainWith([`--max-old-space-size=${oldSpace}`, '--max-semi-space-size=32'], process.argv.slice(1));
}

// Starting the server and seeding run from a bundle of the command line (bundle.mjs): through tsx,
// loading its modules took 2.1 s of CPU before the demo's first start could begin seeding; bundled, 1.0 s.
const cli = ['start', 'seed'].includes(process.argv[2] ?? '')
  ? await (await import('./bundle.mjs')).commandLineBundle()
  : undefined;
if (cli) await import(new URL('main.mjs', pathToFileURL(`${cli}/`)).href);
else {
  // tsx is loaded after that choice: the first process of `validate ssda903` needs none of it.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
