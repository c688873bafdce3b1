/** Timing another process for the validation benches: wall time, CPU time and peak memory (GNU time). */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(new URL('../../..', import.meta.url).pathname);
export const PYTHON = '/usr/bin/python3';
export const TIME = '/usr/bin/time';

export interface Measured {
  seconds: number;
  peakMiB: number;
  cpuSeconds: number;
  stdout: string;
}

/**
 * A command's wall time from launch to exit, its CPU time and peak resident memory (GNU time).
 * With `stdoutFile` its output goes to that file, as `> FILE` would send it, and is read once it
 * has exited: a report of hundreds of MB through a pipe times this process's reading too (a pipe
 * holds 64 KiB, so the command waits on every 64 KiB for this process to be scheduled).
 */
export function measure(command: string, args: string[], env: Record<string, string> = {}, opts: { stdoutFile?: string } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const toFile = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : undefined;
    const child = spawn(TIME, ['-f', 'BENCH_TIME %e %U %S %M', command, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', toFile ?? 'pipe', 'pipe'],
    });
    if (toFile !== undefined) closeSync(toFile);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('exit', () => {
      const seconds = (performance.now() - began) / 1000;
      const m = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (!m) return reject(new Error(`${command} ${args.join(' ')}: ${stderr.slice(-2000)}`));
      const stdout = opts.stdoutFile ? readFileSync(opts.stdoutFile, 'utf8') : Buffer.concat(out).toString('utf8');
      resolve({ seconds, cpuSeconds: Number(m[2]) + Number(m[3]), peakMiB: Number(m[4]) / 1024, stdout });
    });
  });
}

/** Debian's python3 with pandas, which both reference validators need. */
export function pythonReady(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status === 0;
}
