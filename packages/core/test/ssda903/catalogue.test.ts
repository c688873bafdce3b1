import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../src/reference.ts';
import { RULES_2025_26, RULES_ADDED_2026_27 } from '../../src/returns/ssda903/catalogue.ts';
import { IMPLEMENTED, rulesForYear } from '../../src/returns/ssda903/validate.ts';

// The DfE’s lists as published, in the repository’s reference folder (reference/rules/).
function tsv(file: string): string[][] {
  return readFileSync(referenceFile(`rules/${file}`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
}

describe('the SSDA903 rule list', () => {
  it('is the DfE reference list for 2025/26, rule for rule, message for message', () => {
    expect(RULES_2025_26.map((r) => [...r])).toEqual(tsv('ssda903-2025_26.tsv'));
  });

  it('for 2026/27 is 2025/26 plus the deprivation-of-liberty rules 700–710', () => {
    const want = tsv('ssda903-2026_27.tsv');
    const got = rulesForYear(2027).map((r) => [r.code, r.tables.join(';'), r.fields.join(';'), r.message]);
    expect([...got].sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([...want].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(RULES_ADDED_2026_27.map((r) => r[0])).toEqual(['700', '701', '702', '703', '704', '705', '706', '707', '708', '709', '710']);
  });

  it('implements only rules that are in a DfE list', () => {
    const known = new Set(rulesForYear(2027).map((r) => r.code));
    expect([...IMPLEMENTED.keys()].filter((c) => !known.has(c))).toEqual([]);
  });
});
