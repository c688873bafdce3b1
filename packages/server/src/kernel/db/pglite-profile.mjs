// @ts-check
// LANTERN_SQL_PROFILE=1 (with LANTERN_TIMELINE for the main thread's steps): where the embedded
// database's thread spends its time in a load such as the demo's seed. On standard error, each
// second: the wall time in statements and this thread's CPU, with the kinds of statement that took
// most; at each commit: CPU and wall per kind of statement (the table an insert writes, a function
// called), the thread's CPU outside statements and its garbage collection. CPU is the thread's own,
// from /proc (Linux), so it is not blurred by other work on the machine as wall time is.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/** @typedef {{ n: number, ns: number, wall: number, bytes: number }} Kind */

/** The profile, or null when LANTERN_SQL_PROFILE is not set. */
export function sqlProfile() {
  if (!process.env.LANTERN_SQL_PROFILE) return null;
  const cpuNs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  /** @type {Map<string, Kind>} */
  const kinds = new Map();
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ['gc'] });
  let windowStart = Date.now();
  let windowBusy = 0;
  let windowCpu = cpuNs();
  /** @type {Map<string, number>} */
  let windowKinds = new Map();
  const write = (/** @type {string} */ line) => process.stderr.write(`sql-profile ${line}\n`);

  /** One statement: its text, this thread's CPU (ns) and wall (ms) in it, and its parameters' size. */
  const statement = (/** @type {string} */ text, /** @type {number} */ ns, /** @type {number} */ wall, /** @type {number} */ bytes) => {
    const key = text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/ \(.*$/, '')
      .slice(0, 90);
    const k = kinds.get(key) ?? { n: 0, ns: 0, wall: 0, bytes: 0 };
    k.n++;
    k.ns += ns;
    k.wall += wall;
    k.bytes += bytes;
    kinds.set(key, k);
    windowBusy += wall;
    windowKinds.set(key, (windowKinds.get(key) ?? 0) + wall);
    const now = Date.now();
    if (now - windowStart >= 1000) {
      const cpu = cpuNs();
      const top = [...windowKinds].sort((a, b) => b[1] - a[1]).slice(0, 3);
      write(
        `window ending ${new Date(now).toISOString()}, ${((now - windowStart) / 1e3).toFixed(1)} s: in statements ${(windowBusy / 1e3).toFixed(2)} s, CPU ${((cpu - windowCpu) / 1e9).toFixed(2)} s; ${top.map(([t, w]) => `${t.slice(0, 40)} ${(w / 1e3).toFixed(2)} s`).join(' | ')}`,
      );
      windowStart = now;
      windowBusy = 0;
      windowCpu = cpu;
      windowKinds = new Map();
    }
    if (/^\s*commit/i.test(text)) {
      const all = [...kinds].sort((a, b) => b[1].ns - a[1].ns);
      const inStatements = all.reduce((t, [, v]) => t + v.ns, 0);
      write(
        `commit: thread CPU so far ${(cpuNs() / 1e9).toFixed(2)} s; this transaction's statements ${(inStatements / 1e9).toFixed(2)} s CPU; garbage collection so far ${(gcMs / 1e3).toFixed(2)} s`,
      );
      for (const [t, v] of all.slice(0, 80))
        write(
          `${(v.ns / 1e9).toFixed(3).padStart(7)} s CPU ${(v.wall / 1e3).toFixed(3).padStart(7)} s wall ${String(v.n).padStart(5)}× ${(v.bytes / 1e6).toFixed(1).padStart(6)} MB  ${t}`,
        );
      kinds.clear();
    }
  };
  return { cpuNs, statement };
}
