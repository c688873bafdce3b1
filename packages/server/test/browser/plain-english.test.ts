/**
 * Plain English where a person reads: the main pages of demo children (their record with the
 * chronology, casework, looked after, looked-after care, conferences and reviews) and the work
 * lists show no raw code where a label belongs. The check reads the page's visible text and looks
 * for exactly the codes the code lists define — SSDA903 legal statuses, placements, participation,
 * reasons, categories of need, obligation states and rule ids — so ordinary words, postcodes and
 * reference numbers cannot trip it.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { CATEGORY_OF_NEED, PARTICIPATION, PLACEMENT_PROVIDER, PLACEMENT_TYPE, REASON_CEASED, REASON_NEW_EPISODE } from '@lantern/core/looked-after';
import { LEGAL_STATUS } from '@lantern/core/looked-after';
import { TIMESCALE_RULES } from '@lantern/core/timescales';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../helpers/server.ts';
import { closeAll, heading1, newPage, signIn, skip, startDemo } from './harness.ts';

/** Short DfE codes (C2, U6, PN1, N4, E11, RC1…) that a person should see as words. */
const SHORT_CODES = new Set([
  ...Object.keys(LEGAL_STATUS),
  ...Object.keys(PLACEMENT_TYPE),
  ...Object.keys(PLACEMENT_PROVIDER),
  ...Object.keys(PARTICIPATION),
  ...Object.keys(CATEGORY_OF_NEED),
  ...Object.keys(REASON_NEW_EPISODE),
  ...Object.keys(REASON_CEASED),
]);
/** Machine words: obligation states and rule ids, which all carry a hyphen and never read as English. */
const MACHINE_WORDS = new Set(['met-on-time', 'met-late', 'overdue-open', ...TIMESCALE_RULES.map((r) => r.id).filter((id) => id.includes('-'))]);

/**
 * The raw codes in a page's visible text. A short code counts only as a whole token that is not
 * the first half of a postcode (HR2 7AA) and not part of a longer reference (SC555555, T1234).
 */
export function rawCodesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])([A-Z]{1,2}\d{1,2})(?![A-Za-z0-9-])(?!\s\d[A-Z]{2}\b)/g))
    if (SHORT_CODES.has(m[1] as string)) found.add(m[1] as string);
  for (const m of text.matchAll(/(?<![a-z0-9/-])([a-z0-9]+(?:-[a-z0-9]+)+)(?![a-z0-9/-])/g)) if (MACHINE_WORDS.has(m[1] as string)) found.add(m[1] as string);
  return [...found];
}

describe('rawCodesIn', () => {
  test('finds codes and states, not postcodes, references or ordinary words', () => {
    expect(rawCodesIn('Legal status C2, placement U6 (met-on-time); review PN1.')).toEqual(['C2', 'U6', 'PN1', 'met-on-time']);
    expect(rawCodesIn('Placed at HR2 7AA, URN SC555555, child T12; a looked-after review, care plan, well-being, 4 December 2026')).toEqual([]);
    expect(rawCodesIn('Deadline: iro-recommendation')).toEqual(['iro-recommendation']);
  });
});

describe.skipIf(skip)('No raw codes on the main pages of demo children', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let lookedAfter: string;
  let protection: string;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(150));
    page = await newPage(browser);
    // A child looked after with reviews and a record; a child with conferences and a record.
    const pick = async (table: 'cla_review' | 'cp_conference') =>
      (
        await sql<{ child_id: string }>`
          select x.child_id from ${sql.table(table)} x join meeting_record m on m.la_code = x.la_code and m.child_id = x.child_id
          group by x.child_id order by count(*) desc, x.child_id limit 1`.execute(server.store.db)
      ).rows[0]?.child_id as string;
    lookedAfter = await pick('cla_review');
    protection = await pick('cp_conference');
    expect(lookedAfter).toBeTruthy();
    expect(protection).toBeTruthy();
  });

  afterAll(() => closeAll(browser, server));

  async function visibleText(path: string, heading: string | RegExp) {
    await page.goto(`${server.url}${path}`);
    const h1 = page.getByRole('heading', { level: 1 }).first();
    await h1.waitFor();
    if ((await h1.textContent()) === 'Sign in to Lantern') await signIn(page, 'hos.demo');
    await heading1(page, heading);
    // Let the sections that load on their own (voice, chronology, deadlines) arrive.
    await page.waitForLoadState('networkidle');
    return page.locator('main').innerText();
  }

  test('the child’s record, casework, looked after, care, conferences and reviews, and the work list', async () => {
    const pages: [string, string | RegExp][] = [
      [`/children/${lookedAfter}`, /./],
      [`/children/${lookedAfter}/looked-after`, /looked after/i],
      [`/children/${lookedAfter}/looked-after-care`, /./],
      [`/children/${lookedAfter}/meetings`, 'Conferences and reviews'],
      [`/children/${protection}`, /./],
      [`/children/${protection}/casework`, 'Children in need and child protection'],
      [`/children/${protection}/meetings`, 'Conferences and reviews'],
      ['/work', /work/i],
    ];
    const found: Record<string, string[]> = {};
    for (const [path, heading] of pages) {
      const codes = rawCodesIn(await visibleText(path, heading));
      if (codes.length) found[path] = codes;
    }
    expect(found).toEqual({});
  });
});
