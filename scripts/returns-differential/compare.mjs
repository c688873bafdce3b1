#!/usr/bin/env node
// The differential harness: runs Lantern's validator and data-to-insight's reference validator on the same
// return and lists where they disagree, rule by rule, with precision and recall over (rule, child) pairs
// (the reference's findings taken as the truth). Not part of CI: the reference is a public repository
// snapshot run with Debian's Python packages. How to run it: docs/returns-differential.md.
//
//   node scripts/returns-differential/compare.mjs ssda903 DIR --reference REF903 [--year 2026] [--la E06000019]
//        [--postcodes FILE] [--markdown] [--examples N] [--explained 634,SW17STG2,…] [--dump FILE.json]
//   node scripts/returns-differential/compare.mjs cin FILE.xml --reference REFCIN [--ruleset cin2025_26] [--markdown]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..', '..');
const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reference: { type: 'string' },
    year: { type: 'string', default: '2026' },
    la: { type: 'string', default: 'E06000019' },
    postcodes: { type: 'string' },
    ruleset: { type: 'string', default: 'cin2025_26' },
    python: { type: 'string', default: '/usr/bin/python3' },
    markdown: { type: 'boolean', default: false },
    examples: { type: 'string', default: '3' },
    // Rules whose remaining disagreements are explained (docs/returns-rules*.md): a second summary
    // leaves their disagreeing pairs out of both sides.
    explained: { type: 'string', default: '' },
    // Write every disagreeing pair, by rule, as JSON (for looking into them).
    dump: { type: 'string' },
  },
});
const [kind, given] = positionals;
let input = given;
if (!['ssda903', 'cin'].includes(kind ?? '') || !input || !o.reference) {
  process.stderr.write('usage: compare.mjs ssda903 DIR|cin FILE.xml --reference DIR (see docs/returns-differential.md)\n');
  process.exit(2);
}

// A CIN census file headed with another year is checked as the year asked for (--year): both tools
// take the census period from the header (the reference from ReferenceDate, Lantern from Year or
// --year), so a copy headed Year YYYY, ReferenceDate YYYY-03-31 gives both the same period.
if (kind === 'cin') {
  const xml = readFileSync(given, 'utf8');
  const retargeted = xml
    .replace(/<Year>\s*\d{4}\s*<\/Year>/, `<Year>${o.year}</Year>`)
    .replace(/<ReferenceDate>[^<]*<\/ReferenceDate>/, `<ReferenceDate>${o.year}-03-31</ReferenceDate>`);
  if (retargeted !== xml) {
    input = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-differential-')), path.basename(given));
    writeFileSync(input, retargeted);
    process.stderr.write(
      `${given}: checked as the ${Number(o.year) - 1}/${o.year.slice(2)} census (a copy headed Year ${o.year}, ReferenceDate ${o.year}-03-31)\n`,
    );
  }
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

/** Lantern's (rule, child) pairs. */
function lanternPairs() {
  const cli = path.join(root, 'packages/server/bin/lantern.mjs');
  if (kind === 'ssda903') {
    const args = [cli, 'validate', 'ssda903', input, '--year', o.year, '--la-code', o.la, '--json'];
    // Older Lantern builds had no --postcodes: the reference still gets the directory.
    if (o.postcodes && run(process.execPath, [cli, 'validate', 'ssda903', '--help']).stdout.includes('--postcodes')) args.push('--postcodes', o.postcodes);
    const r = run(process.execPath, args);
    if (!r.stdout.trim()) throw new Error(`lantern validate ssda903 failed: ${r.stderr}`);
    const result = JSON.parse(r.stdout);
    return result.failures.map((f) => [
      String(f.code),
      String(f.child ?? '*')
        .trim()
        .toUpperCase(),
    ]);
  }
  const r = run(process.execPath, [cli, 'validate', 'cin-census', input, '--year', o.year, '--json']);
  if (!r.stdout.trim()) throw new Error(`lantern validate cin-census failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout);
  return result.failures.filter((f) => f.code !== 'XSD').map((f) => [String(f.code), f.childId ? String(f.childId).trim() : '*']);
}

/** The reference's (rule, child) pairs, and the rules it could not run. */
function referencePairs() {
  const script = path.join(here, kind === 'ssda903' ? 'reference_903.py' : 'reference_cin.py');
  const args =
    kind === 'ssda903'
      ? [script, o.reference, input, '--year', o.year, '--la', o.la, ...(o.postcodes ? ['--postcodes', o.postcodes] : [])]
      : [script, o.reference, input, '--ruleset', o.ruleset];
  const r = run(o.python, args);
  if (r.status !== 0) throw new Error(`the reference failed: ${r.stderr.slice(-2000)}`);
  const pairs = [];
  const failed = [];
  for (const line of r.stdout.split('\n')) {
    // The reference prints as it goes: only lines marked @@ are findings.
    if (!line.startsWith('@@')) continue;
    const x = JSON.parse(line.slice(2));
    if (x.failed) failed.push(x.failed);
    else pairs.push([x.rule, kind === 'ssda903' ? x.child.toUpperCase() : x.child]);
  }
  return { pairs, failed };
}

// Rule codes compared without case (the reference writes 392c, the DfE 392C); rules the reference could
// not run on this data are left out of both sides and listed.
const key = ([rule, child]) => `${rule.toUpperCase()}\u0000${child}`;
const reference = referencePairs();
const failed = new Set(reference.failed.map((c) => c.toUpperCase()));
const lantern = new Set(
  lanternPairs()
    .filter(([rule]) => !failed.has(rule.toUpperCase()))
    .map(key),
);
const truth = new Set(reference.pairs.map(key));
const rules = new Map();
const tally = (rule) => {
  if (!rules.has(rule)) rules.set(rule, { both: 0, lanternOnly: [], referenceOnly: [] });
  return rules.get(rule);
};
let both = 0;
for (const k of lantern) {
  const [rule, child] = k.split('\u0000');
  if (truth.has(k)) {
    both++;
    tally(rule).both++;
  } else tally(rule).lanternOnly.push(child);
}
for (const k of truth) {
  const [rule, child] = k.split('\u0000');
  if (!lantern.has(k)) tally(rule).referenceOnly.push(child);
}
const precision = lantern.size ? both / lantern.size : 1;
const recall = truth.size ? both / truth.size : 1;
const rows = [...rules.entries()]
  .filter(([, t]) => t.lanternOnly.length + t.referenceOnly.length > 0)
  .sort((a, b) => b[1].lanternOnly.length + b[1].referenceOnly.length - (a[1].lanternOnly.length + a[1].referenceOnly.length));
const n = Number(o.examples);
const ex = (list) => list.slice(0, n).join(' ') + (list.length > n ? ' …' : '');
const out = process.stdout;
let summary = `${kind} ${given}: Lantern ${lantern.size} (rule, child) pairs, reference ${truth.size}, both ${both}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`;
const explained = new Set(
  o.explained
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean),
);
if (explained.size) {
  let lanternOff = 0;
  let referenceOff = 0;
  for (const [rule, t] of rules)
    if (explained.has(rule.toUpperCase())) {
      lanternOff += t.lanternOnly.length;
      referenceOff += t.referenceOnly.length;
    }
  const p = lantern.size - lanternOff ? both / (lantern.size - lanternOff) : 1;
  const r = truth.size - referenceOff ? both / (truth.size - referenceOff) : 1;
  summary += `\nwith the explained disagreements of ${explained.size} rules left out (${lanternOff} Lantern-only and ${referenceOff} reference-only pairs): precision ${p.toFixed(3)}, recall ${r.toFixed(3)}`;
}
if (o.dump) writeFileSync(o.dump, JSON.stringify(Object.fromEntries(rows), null, 1));
if (o.markdown) {
  out.write(
    `${summary}\n\n| Rule | Both | Lantern only | Reference only | e.g. Lantern only | e.g. reference only |\n| --- | ---: | ---: | ---: | --- | --- |\n`,
  );
  for (const [rule, t] of rows)
    out.write(`| ${rule} | ${t.both} | ${t.lanternOnly.length} | ${t.referenceOnly.length} | ${ex(t.lanternOnly)} | ${ex(t.referenceOnly)} |\n`);
} else {
  out.write(
    `${summary}\n${'rule'.padEnd(10)} ${'both'.padStart(6)} ${'lantern'.padStart(8)} ${'reference'.padStart(9)}  examples (lantern only | reference only)\n`,
  );
  for (const [rule, t] of rows)
    out.write(
      `${rule.padEnd(10)} ${String(t.both).padStart(6)} ${String(t.lanternOnly.length).padStart(8)} ${String(t.referenceOnly.length).padStart(9)}  ${ex(t.lanternOnly)} | ${ex(t.referenceOnly)}\n`,
    );
}
if (failed.size) out.write(`\nThe reference could not run (left out above): ${[...failed].join(', ')}\n`);
