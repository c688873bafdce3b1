/**
 * The performance analyst's SSDA903 screen in Chromium: produce the return for a clean council and
 * see no errors; then, with one child's record broken, see the failure grouped by rule, download a
 * table, and open the child's record from the failure.
 */
import { readFile } from 'node:fs/promises';
import { TABLE_COLUMNS } from '@lantern/core/returns/ssda903/model';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, heading1, openSsda903Return, returnsDemo, skip, text } from './harness.ts';

const LA = 'E06000019';
// Producing a return on the embedded database of a busy machine can take a while: wait for what
// the analyst would see, for up to two minutes, never for a fixed time.
const PATIENCE = { timeout: 120_000 };

describe.skipIf(skip)('the SSDA903 screen', () => {
  const demo = returnsDemo(150, 300_000);

  test('the analyst produces the 2026 return, sees no errors, then a broken child’s failure by rule, downloads a table and opens the child', async () => {
    const { server, page } = demo;
    await openSsda903Return(page, server, '2026');

    // The seeded council's return is clean.
    await page.getByRole('button', { name: 'Produce and validate the return' }).click();
    await page.getByRole('heading', { name: 'The 2025 to 2026 return' }).waitFor(PATIENCE);
    expect(await text(page, '[data-testid="ssda903-errors"]')).toBe('0');
    await page.getByText('No errors: every rule checked passed.').waitFor();
    await expectNoAxeViolations(page, 'the SSDA903 result');

    // A child looked after all of March 2026 is recorded with UPN "not yet obtained" (UN4): rule 210.
    const child = (
      await sql<{ person_id: string; la_child_id: string; name: string }>`
        select p.person_id, p.la_child_id, p.given_name || ' ' || p.family_name as name from person p
        where p.la_code = ${LA} and exists (select 1 from cla_episode e where e.la_code = p.la_code and e.child_id = p.person_id
          and e.start_date <= '2026-03-01' and (e.end_date is null or e.end_date > '2026-03-31'))
        order by p.la_child_id limit 1`.execute(server.store.db)
    ).rows[0] as { person_id: string; la_child_id: string; name: string };
    await sql`update person set upn = null, upn_unknown = 'UN4' where la_code = ${LA} and person_id = ${child.person_id}`.execute(server.store.db);

    await page.getByRole('button', { name: 'Produce and validate the return' }).click();
    await page
      .getByTestId('ssda903-errors')
      .filter({ hasText: /^\s*1\s*$/ })
      .waitFor(PATIENCE);
    const rule = page.locator('details.govuk-details').filter({ hasText: 'Error 210:' });
    await rule.waitFor();
    expect(((await rule.locator('summary').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/Error 210: .*UN4.* \(1\)/);
    await rule.locator('summary').click();
    const failure = rule.locator('tbody tr').first();
    await failure.waitFor({ state: 'visible' });
    const cells = await failure.locator('td').allTextContents();
    expect(cells[0]).toBe(child.la_child_id);
    expect(cells[1]).toMatch(/^Header \(row \d+\), line \d+$/);
    expect(cells[2]).toBe('UPN=UN4');
    await expectNoAxeViolations(page, 'the SSDA903 failures');

    // Each table downloads as the DfE's CSV: its header is the DfE's columns.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download Header (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${LA}-ssda903-2026-header.csv`);
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(TABLE_COLUMNS.Header.join(','));
    expect(lines.some((l) => l.startsWith(`${child.la_child_id},`))).toBe(true);

    // The failure links to the child's record: wait for the record itself (its heading is the
    // child's name), not the address, which changes while the page still says "Loading…".
    await failure.getByRole('link', { name: child.la_child_id }).click();
    await heading1(page, child.name);
    expect(new URL(page.url()).pathname).toBe(`/children/${child.person_id}`);
    expect(await text(page, 'main')).toContain(child.la_child_id);
  }, 300_000);
});
