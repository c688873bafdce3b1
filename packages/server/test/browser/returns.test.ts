/**
 * The performance analyst's CIN census screen in Chromium: produce the return, see what the
 * rules found grouped by rule, open a child's record from a failure, and download the file.
 */
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, openReturn, returnsDemo, skip, text } from './harness.ts';

describe.skipIf(skip)('the CIN census screen', () => {
  const demo = returnsDemo(150);

  test('the analyst produces the return, reads the failures by rule, opens a child and downloads the file', async () => {
    const { server, page } = demo;
    await openReturn(page, server, 'Children in need census');
    await page.getByRole('button', { name: 'Produce and validate the return' }).click();
    await page.getByRole('heading', { name: 'The 2025 to 2026 return' }).waitFor({ timeout: 60_000 });
    expect(await text(page, '[data-testid="census-errors"]')).toBe('0');
    await expectNoAxeViolations(page, 'the CIN census result');

    // Queries are grouped by rule; each failure links to the child's record.
    const firstRule = page.locator('details.govuk-details').first();
    expect(await firstRule.locator('summary').textContent()).toMatch(/Query \d+Q?: .+ \(\d+\)/);
    await firstRule.locator('summary').click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the return (XML)' }).click();
    expect((await download).suggestedFilename()).toMatch(/cin-census-2026\.xml$/);
    const childLink = firstRule.locator('tbody a').first();
    const laChildId = (await childLink.textContent()) ?? '';
    await childLink.click();
    // Wait for the child's record itself (its id above the child's name), not the address, which
    // changes while the page still says "Loading…".
    await page.locator('main .govuk-caption-l').filter({ hasText: laChildId }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/children\/[0-9a-f-]{36}$/);
  });
});
