/** Timing another process for the validation benches: wall time, CPU time and peak memory (GNU time). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** A command's wall time from launch to exit, its CPU time and peak resident memory (GNU time). */
export function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn(TIME, ['-f', 'BENCH_TIME %e %U %S %M', command, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', () => {
      const seconds = (performance.now() - began) / 1000;
      const m = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      if (!m) return reject(new Error(`${command} ${args.join(' ')}: ${stderr.slice(-2000)}`));
      resolve({ seconds, cpuSeconds: Number(m[2]) + Number(m[3]), peakMiB: Number(m[4]) / 1024, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** Debian's python3 with pandas, which both reference validators need. */
export function pythonReady(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status === 0;
}
