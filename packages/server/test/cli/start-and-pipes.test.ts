import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const lantern = new URL('../../bin/lantern.mjs', import.meta.url).pathname;

/** Runs `lantern …` as a user would; closeStdout closes the reading end at once, as `| head` does when it has enough. */
function lanternRun(args: string[], { closeStdout = false, env = process.env } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }>((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, [lantern, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - began) / 1000 });
    });
  });
}

describe('lantern start on a port already in use', () => {
  let other: Server;
  let port: number;
  let dataDir: string;
  beforeAll(async () => {
    other = createServer();
    await new Promise<void>((resolve) => other.listen({ port: 0, host: '127.0.0.1' }, resolve));
    port = (other.address() as { port: number }).port;
    dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-start-busy-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => other?.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops at once with a plain message and a failing exit code, before opening or seeding the store', async () => {
    const env = { ...process.env, DATABASE_URL: '', LANTERN_DATA_DIR: dataDir };
    const run = await lanternRun(['start', '--port', String(port), '--host', '127.0.0.1', '--seed-if-empty', '--data-dir', dataDir], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain('--port');
    expect(run.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    expect(run.stderr).not.toContain('creating the synthetic demo council');
    // Nothing was created in the empty data folder: the store was never opened.
    expect(readdirSync(dataDir)).toEqual([]);
    expect(run.seconds).toBeLessThan(20);
  });
});

describe('a reader that stops early (| head)', () => {
  for (const args of [
    ['calendar', 'holidays', '2027'],
    ['calendar', 'holidays', '2027', '--names'],
    ['calendar', 'add', '2027-01-04', '5'],
  ]) {
    it(`lantern ${args.join(' ')} stops quietly, with no stack trace`, async () => {
      const run = await lanternRun(args, { closeStdout: true });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    });
  }

  it('and with the reader there, prints every line', async () => {
    const run = await lanternRun(['calendar', 'holidays', '2027']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29']);
  });
});
