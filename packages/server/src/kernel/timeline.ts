/**
 * LANTERN_TIMELINE=1: a line on standard error at each step of start-up and of seeding, with the
 * time since the process loaded this module and the CPU it has used (all threads): where a start's
 * time goes (bench/run.ts start-up prints them).
 */
const on = Boolean(process.env.LANTERN_TIMELINE);
const began = performance.now();

export function timeline(step: string): void {
  if (!on) return;
  const cpu = process.cpuUsage();
  process.stderr.write(`timeline ${((performance.now() - began) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s: ${step}\n`);
}
