#!/usr/bin/env node
// The `lantern` command. Lantern runs its TypeScript directly through tsx, so there is no
// build step between a checkout and a running server.
import { spawnSync } from 'node:child_process';

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
  const run = spawnSync(process.execPath, ['--max-semi-space-size=64', '--min-semi-space-size=64', ...process.execArgv, ...script], { stdio: 'inherit' });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

// tsx is loaded after that choice: the first process of `validate ssda903` needs none of it.
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
