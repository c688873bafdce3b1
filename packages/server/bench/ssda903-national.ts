/**
 * A synthetic national-scale SSDA903 return (about 85,000 children and 400,000 episodes) written
 * as CSV files, for timing the validator. Deterministic for a seed; every value is made up.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const fmt = (day: number) => {
  const d = new Date(day * DAY);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
const day = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY);

async function writeAll(stream: WriteStream, lines: () => Generator<string>) {
  for (const line of lines()) if (!stream.write(line)) await new Promise<void>((r) => stream.once('drain', () => r()));
  await new Promise<void>((r) => stream.end(r));
}

/** Writes header.csv, episodes.csv, reviews.csv and missing.csv for the 2025/26 year into `dir`. */
export async function writeNationalReturn(dir: string, children = 85_000, seed = 903): Promise<{ children: number; episodes: number }> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const start = day(2025, 4, 1);
  const end = day(2026, 3, 31);
  const places = ['U1', 'U3', 'U4', 'U6', 'K2', 'R1', 'P1', 'K3', 'S1'] as const;
  let episodes = 0;
  const kids: { id: string; dob: number; eps: string[] }[] = [];
  for (let c = 0; c < children; c++) {
    const dob = day(2008, 1, 1) + Math.floor(rand() * 17 * 365);
    let decom = Math.max(dob + 30, start - Math.floor(rand() * 5 * 365));
    const n = 1 + Math.floor(rand() * 8); // 1–8 episodes, 4.5 on average
    const eps: string[] = [];
    const id = String(100000 + c);
    for (let e = 0; e < n && decom < end; e++) {
      const last = e === n - 1;
      const dec = last ? (rand() < 0.6 ? 0 : Math.min(end, decom + 30 + Math.floor(rand() * 300))) : Math.min(end - 1, decom + 10 + Math.floor(rand() * 200));
      const place = pick(places);
      const provider = place === 'P1' ? 'PR0' : pick(['PR1', 'PR2', 'PR4', 'PR5']);
      const urn = ['P1', 'R1'].includes(place) ? '' : `SC${String(100000 + Math.floor(rand() * 900000))}`;
      const rec = dec ? (last ? pick(['E4A', 'E13', 'E8', 'E41']) : 'X1') : '';
      const why = rec === 'X1' ? pick(['CARPL', 'CLOSE', 'CREQO', 'CHILD']) : '';
      eps.push(`${[id, fmt(decom), e === 0 ? 'S' : 'P', 'C2', 'N1', place, provider, dec ? fmt(dec) : '', rec, why, 'LS6 2QR', 'BD1 1AA', urn].join(',')}\n`);
      episodes++;
      if (!dec) break;
      decom = dec;
    }
    kids.push({ id, dob, eps });
  }
  const w = (name: string) => createWriteStream(path.join(dir, name));
  await writeAll(w('header.csv'), function* () {
    yield 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n';
    let u = 0;
    for (const k of kids)
      yield `${k.id},${rand() < 0.5 ? 'M' : 'F'},${fmt(k.dob)},${pick(['WBRI', 'MWBC', 'BAFR', 'AIND', 'WOTH'])},A${String(u++).padStart(12, '0')},0,\n`;
  });
  await writeAll(w('episodes.csv'), function* () {
    yield 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n';
    for (const k of kids) yield* k.eps;
  });
  await writeAll(w('reviews.csv'), function* () {
    yield 'CHILD,DOB,REVIEW,REVIEW_CODE\n';
    for (const k of kids) for (let i = 0; i < 2; i++) yield `${k.id},${fmt(k.dob)},${fmt(start + 30 + i * 150)},PN1\n`;
  });
  await writeAll(w('missing.csv'), function* () {
    yield 'CHILD,DOB,MISSING,MIS_START,MIS_END\n';
    for (const k of kids) if (rand() < 0.1) yield `${k.id},${fmt(k.dob)},M,${fmt(start + 40)},${fmt(start + 42)}\n`;
  });
  return { children, episodes };
}

/**
 * The reference validator's sample return (its tests/fake_data CSVs) scaled `times` over: each copy's
 * children get new ids (a two-digit copy number before the id), every other value is kept, so
 * each copy trips the same rules as the sample does (and the copies share their UPNs). The second
 * PlacedAdoption table (placed_for_adoption_errors.csv) and the workbooks are left out, as the
 * differential harness leaves them (docs/returns-differential.md).
 */
export async function writeScaledSample(sampleDir: string, dir: string, times = 32): Promise<{ children: number; episodes: number; reviews: number }> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const counts = { children: 0, episodes: 0, reviews: 0 };
  for (const name of readdirSync(sampleDir).sort()) {
    if (!name.toLowerCase().endsWith('.csv') || name === 'placed_for_adoption_errors.csv') continue;
    const text = readFileSync(path.join(sampleDir, name), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const [head, ...rows] = lines as [string, ...string[]];
    const at = head.split(',').findIndex((c) => c.trim().toUpperCase() === 'CHILD');
    await writeAll(createWriteStream(path.join(dir, name)), function* () {
      yield `${head}\n`;
      for (let k = 0; k < times; k++) {
        const prefix = String(10 + k);
        for (const row of rows) {
          const cells = row.split(',');
          cells[at] = `${prefix}${cells[at]!.trim()}`;
          yield `${cells.join(',')}\n`;
        }
      }
    });
    const n = rows.length * times;
    if (name === 'header.csv') counts.children = n;
    if (name === 'episodes.csv') counts.episodes = n;
    if (name === 'reviews.csv') counts.reviews = n;
  }
  return counts;
}
