/**
 * `npm run bench -- returns-903-validate`: `lantern validate ssda903` on a national-scale return,
 * and data-to-insight's validator on the same files in the same run where it is installed.
 *
 * The return: with LANTERN_BENCH_903_REFERENCE=DIR (the reference validator's repository, unpacked
 * from its snapshot: docs/returns-differential.md) its sample CSVs (tests/fake_data) scaled 32 times
 * (85,600 children, 161,600 episodes, 402,624 reviews); without it, Lantern's own synthetic national
 * return (ssda903-national.ts). Both tools get the council E06000019 and the Herefordshire postcode
 * extract shipped in reference/postcodes (the reference cannot run without a directory).
 * The reference runs with Debian's python3 and pandas (python3-pandas, python3-openpyxl,
 * python3-xlrd). LANTERN_BENCH_903_TIMES changes the scale (32); LANTERN_BENCH_903_SKIP_REFERENCE=1
 * times Lantern alone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { measure, pythonReady, PYTHON, ROOT, TIME } from './measure.ts';
import { writeNationalReturn, writeScaledSample } from './ssda903-national.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

const LANTERN = path.join(ROOT, 'packages/server/bin/lantern.mjs');
const POSTCODES = path.join(ROOT, 'reference/postcodes/herefordshire.tsv');
const HARNESS = path.join(ROOT, 'scripts/returns-differential/reference_903.py');

function referenceReady(ref: string | undefined): ref is string {
  if (!ref || process.env.LANTERN_BENCH_903_SKIP_REFERENCE) return false;
  return existsSync(path.join(ref, 'lac_validator')) && pythonReady();
}

export async function ssda903ValidateFigures(work: string, figure: Figure): Promise<void> {
  if (!existsSync(TIME)) {
    process.stdout.write('returns-903-validate: skipped (needs GNU time at /usr/bin/time for peak memory)\n');
    return;
  }
  const dir = path.join(work, 'ssda903');
  mkdirSync(dir, { recursive: true });
  const ref = process.env.LANTERN_BENCH_903_REFERENCE;
  const sample = ref ? path.join(ref, 'tests/fake_data') : undefined;
  const times = Number(process.env.LANTERN_BENCH_903_TIMES ?? 32);
  let what: string;
  if (sample && existsSync(sample)) {
    const made = await writeScaledSample(sample, dir, times);
    what = `the reference's sample ×${times}: ${made.children.toLocaleString('en-GB')} children, ${made.episodes.toLocaleString('en-GB')} episodes, ${made.reviews.toLocaleString('en-GB')} reviews`;
  } else {
    const made = await writeNationalReturn(dir);
    what = `Lantern's synthetic return: ${made.children.toLocaleString('en-GB')} children, ${made.episodes.toLocaleString('en-GB')} episodes`;
  }
  process.stdout.write(
    `SSDA903 national return: ${what}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const args = [LANTERN, 'validate', 'ssda903', dir, '--year', '2026', '--la-code', 'E06000019', '--postcodes', POSTCODES, '--json'];
  // Exit 1 is expected: the data trips some rules, which is part of the work timed.
  // The report to a file, as a council would keep it (`> report.json`); see measure().
  const report = path.join(work, 'ssda903-report.json');
  const lantern = await measure('node', args, {}, { stdoutFile: report });
  const failures = (lantern.stdout.match(/\n\{"code":/g) ?? []).length;
  figure('validate SSDA903, national scale: time', lantern.seconds, 's', `launch to exit; ${failures.toLocaleString('en-GB')} failures`);
  figure('validate SSDA903, national scale: CPU time', lantern.cpuSeconds, 's', 'user + system, all threads (two when a core is free)');
  figure('validate SSDA903, national scale: peak memory', lantern.peakMiB, 'MiB', 'goal: under 1,024');
  const single = await measure('node', [...args, '--threads', '1'], {}, { stdoutFile: report });
  figure('validate SSDA903, national scale, one thread: time', single.seconds, 's', `peak ${single.peakMiB.toFixed(0)} MiB`);
  if (single.stdout !== lantern.stdout) process.stdout.write('  !! one thread and two gave different reports\n');
  if (!referenceReady(ref)) {
    process.stdout.write('  (the reference validator: LANTERN_BENCH_903_REFERENCE=DIR with Debian python3-pandas; see docs/returns-differential.md)\n');
    return;
  }
  const reference = await measure(PYTHON, [HARNESS, ref, dir, '--year', '2026', '--la', 'E06000019', '--postcodes', POSTCODES]);
  const pairs = reference.stdout.split('\n').filter((l) => l.startsWith('@@{"rule"')).length;
  figure('data-to-insight validator, same return: time', reference.seconds, 's', `${pairs.toLocaleString('en-GB')} (rule, child) pairs`);
  figure('data-to-insight validator: CPU time', reference.cpuSeconds, 's');
  figure('data-to-insight validator: peak memory', reference.peakMiB, 'MiB');
  figure('  Lantern is faster by', reference.seconds / lantern.seconds, '×', 'goal: at least 50');
  figure('  Lantern uses less CPU by', reference.cpuSeconds / lantern.cpuSeconds, '×', 'the fairer figure on a loaded machine');
  figure('  Lantern is faster by, one thread', reference.seconds / single.seconds, '×');
  process.stdout.write(
    `  load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; report ${(lantern.stdout.length / 2 ** 20).toFixed(0)} MiB of JSON, written to a file\n`,
  );
}
