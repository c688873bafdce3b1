/**
 * `npm run bench -- returns-cin-validate`: `lantern validate cin-census` on a national-scale file,
 * and data-to-insight's CIN validator on the same file in the same run where it is installed.
 *
 * The file: the reference validator's sample (fake_data/fake_CIN_data.xml, 332 children) repeated
 * 100 times, each copy's children given new ids (the copy number before the LA child id), headed
 * as the 2025/26 census (Year 2026, ReferenceDate 2026-03-31, as the differential harness does).
 * LANTERN_BENCH_CIN_REFERENCE=DIR names the reference's repository, unpacked from its snapshot
 * (docs/returns-differential.md); without it the bench has no file to build and says so.
 * LANTERN_BENCH_CIN_TIMES changes the scale (100); LANTERN_BENCH_CIN_SKIP_REFERENCE=1 times
 * Lantern alone. The reference runs with Debian's python3 and pandas.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { measure, PYTHON, pythonReady, ROOT, TIME } from './measure.ts';

type Figure = (name: string, value: number, unit: string, note?: string) => void;

const LANTERN = path.join(ROOT, 'packages/server/bin/lantern.mjs');
const HARNESS = path.join(ROOT, 'scripts/returns-differential/reference_cin.py');

/** The sample's children `times` over, each copy's LA child ids prefixed with its copy number. */
export async function writeScaledCinSample(sampleFile: string, file: string, times = 100, year = 2026): Promise<number> {
  const xml = readFileSync(sampleFile, 'utf8')
    .replace(/<Year>\s*\d{4}\s*<\/Year>/, `<Year>${year}</Year>`)
    .replace(/<ReferenceDate>[^<]*<\/ReferenceDate>/, `<ReferenceDate>${year}-03-31</ReferenceDate>`);
  const open = xml.indexOf('<Children>') + '<Children>'.length;
  const close = xml.lastIndexOf('</Children>');
  const body = xml.slice(open, close);
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(xml.slice(0, open));
  for (let k = 0; k < times; k++) await write(body.replace(/<LAchildID>\s*/g, `<LAchildID>${10 + k}`));
  await write(xml.slice(close));
  await new Promise<void>((r) => out.end(r));
  return (body.match(/<Child>/g) ?? []).length * times;
}

export async function cinValidateFigures(work: string, figure: Figure): Promise<void> {
  const ref = process.env.LANTERN_BENCH_CIN_REFERENCE;
  const sample = ref ? path.join(ref, 'fake_data/fake_CIN_data.xml') : undefined;
  if (!existsSync(TIME) || !sample || !existsSync(sample)) {
    process.stdout.write('returns-cin-validate: skipped (needs LANTERN_BENCH_CIN_REFERENCE=DIR, the reference unpacked, and GNU time)\n');
    return;
  }
  const times = Number(process.env.LANTERN_BENCH_CIN_TIMES ?? 100);
  const file = path.join(work, 'cin-national.xml');
  const children = await writeScaledCinSample(sample, file, times);
  const { statSync } = await import('node:fs');
  process.stdout.write(
    `CIN census, the reference's sample ×${times}: ${children.toLocaleString('en-GB')} children, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  // Exit 1 is expected: the sample trips some rules.
  const lantern = await measure('node', [LANTERN, 'validate', 'cin-census', file, '--year', '2026', '--json']);
  const failures = (lantern.stdout.match(/"code":/g) ?? []).length;
  figure('validate CIN census, national scale: time', lantern.seconds, 's', `launch to exit; ${failures.toLocaleString('en-GB')} failures`);
  figure('validate CIN census, national scale: CPU time', lantern.cpuSeconds, 's', 'user + system, all threads');
  figure('validate CIN census, national scale: peak memory', lantern.peakMiB, 'MiB');
  if (process.env.LANTERN_BENCH_CIN_SKIP_REFERENCE || !pythonReady()) {
    process.stdout.write('  (the reference validator: LANTERN_BENCH_CIN_REFERENCE=DIR with Debian python3-pandas; see docs/returns-differential.md)\n');
    return;
  }
  const reference = await measure(PYTHON, [HARNESS, ref as string, file]);
  const pairs = reference.stdout.split('\n').filter((l) => l.startsWith('@@{"rule"')).length;
  figure('data-to-insight CIN validator, same file: time', reference.seconds, 's', `${pairs.toLocaleString('en-GB')} (rule, child) pairs`);
  figure('data-to-insight CIN validator: CPU time', reference.cpuSeconds, 's');
  figure('data-to-insight CIN validator: peak memory', reference.peakMiB, 'MiB');
  figure('  Lantern is faster by', reference.seconds / lantern.seconds, '×', 'goal: at least 50');
  figure('  Lantern uses less CPU by', reference.cpuSeconds / lantern.cpuSeconds, '×');
  figure('  Lantern peak memory, share of the reference', (100 * lantern.peakMiB) / reference.peakMiB, '%', 'goal: at most 100');
  process.stdout.write(
    `  load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
}
