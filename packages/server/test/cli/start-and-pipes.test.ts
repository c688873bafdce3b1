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

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('lantern start with the metrics on a port of their own (LANTERN_METRICS_PORT)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-start-metrics-'));
  });
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the health check on its port and /metrics on the other, and stops on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const env = { ...process.env, DATABASE_URL: '', LANTERN_DATA_DIR: dataDir, LANTERN_METRICS_PORT: String(metricsPort) };
    const child = spawn(process.execPath, [lantern, 'start', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      let health: Response | undefined;
      for (let i = 0; i < 240 && child.exitCode === null; i++) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (health) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(stderr).not.toContain('cannot start');
      expect(health?.status).toBe(200);
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('# TYPE');
      // The metrics are not on the application's own port without a token; and a page there is the
      // web app when it is built, a plain 404 saying so when not: never a 500.
      for (const page of ['/metrics', '/']) {
        const answer = await fetch(`http://127.0.0.1:${port}${page}`);
        expect(answer.status, page).toBeLessThan(500);
        expect(await answer.text(), page).not.toContain('# TYPE');
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);
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
