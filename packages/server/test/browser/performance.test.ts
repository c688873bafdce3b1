/**
 * A director in a real browser: the head of service opens the performance dashboard over a
 * seeded demo council, follows a number to the children behind it and on to a child's record,
 * then marks an overdue improvement action done, first refused without evidence, and opens the
 * printable board pack. axe checks the dashboard, an indicator, the children list, the form with
 * its error and the board pack.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, heading1, LAUNCH, signIn, skip } from './harness.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Copied to docs/dashboard.png when the dashboard changes. */
const SCREENSHOT = process.env.LANTERN_DASHBOARD_SCREENSHOT ?? '/tmp/lantern-dashboard.png';
const CONTEXT = { viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;

describe.skipIf(skip)('A director’s dashboard and improvement plan in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer({ children: 200, web: true });
    browser = await chromium.launch(LAUNCH);
    page = await (await browser.newContext(CONTEXT)).newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the head of service opens the dashboard: headline figures, a trend, the teams side by side', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'hos.demo');
    await page.getByRole('link', { name: 'Performance' }).click();
    await heading1(page, 'Performance');
    const tiles = page.getByRole('list', { name: 'Headline figures' });
    await expect(tiles.getByRole('link', { name: 'Assessments authorised within 45 working days of referral' }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: /month by month/ }).waitFor();
    await page.getByRole('heading', { name: /by team/ }).waitFor();
    await expect(page.locator('canvas[role=img]').count()).resolves.toBe(2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: SCREENSHOT });
    // The charts' figures are in tables too.
    await page.getByText('Show the figures as a table').first().click();
    await expect(
      page
        .getByRole('table', { name: /by month/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(12);
    await expectNoAxeViolations(page, 'the dashboard');
  });

  test('a number leads to the children behind it, and on to a child’s record', async () => {
    const row = page
      .getByRole('table', { name: /Front door and assessment/ })
      .getByRole('row', { name: /Assessments authorised within 45 working days of referral/ });
    const link = row.getByRole('link', { name: /children behind/ });
    const shown = Number(((await link.textContent()) ?? '').replace(/\D+.*$/, '').replace(/,/g, ''));
    expect(shown).toBeGreaterThan(0);
    await link.click();
    await heading1(page, /The children behind/);
    const rows = page.getByRole('table', { name: /Children behind/ }).locator('tbody tr');
    // Every assessment in the numerator is listed, each marked as counted in the number.
    await expect(rows.count()).resolves.toBe(shown);
    await expect(rows.filter({ hasText: 'The total only' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'the children behind a number');
    const first = rows.first().getByRole('link');
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await heading1(page, name);
  });

  test('an indicator page shows its definition, trend, teams and the council against England and its neighbours', async () => {
    await page.goto(`${server.url}/performance/re-referrals-12m`);
    await heading1(page, 'Re-referrals within 12 months');
    await page.getByText('earlier referral dated on or after the date 12 calendar months before').waitFor();
    await page.getByRole('heading', { name: 'Against England, the region and statistical neighbours' }).waitFor();
    const bench = page.getByRole('table', { name: /by year/ });
    await expect(bench.getByRole('row', { name: /2024-25/ }).textContent()).resolves.toContain('22.6%');
    await expectNoAxeViolations(page, 'an indicator');
  });

  test('the director sees overdue actions on their worklist and marks one done, with its evidence', async () => {
    await page.getByRole('link', { name: 'My work' }).click();
    const due = page.getByTestId('improvement-due');
    await due.waitFor();
    await expect(due.textContent()).resolves.toMatch(/improvement actions? overdue or off track/);
    await due.getByRole('link', { name: 'The improvement plan' }).click();
    await heading1(page, 'Improvement plan');
    const attention = page.getByRole('table', { name: /needing attention/ });
    const first = attention.locator('tbody tr').first();
    await expect(first.textContent()).resolves.toContain('Overdue');
    const title = ((await first.locator('th').textContent()) ?? '').trim();
    const before = await attention.locator('tbody tr').count();
    await first.getByRole('link', { name: /Update/ }).click();
    await heading1(page, title);
    await page.getByRole('group', { name: 'Status' }).getByLabel('Done', { exact: true }).check();
    await page.getByLabel('Evidence').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').getByText('Say what shows the action is done').waitFor();
    await expectNoAxeViolations(page, 'the action form with an error');
    await page.getByLabel('Evidence').fill('Audit of 40 cases presented to the improvement board; findings and actions minuted.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Action updated').waitFor();
    await heading1(page, 'Improvement plan');
    // Off the list of those needing attention, and done in the plan.
    await expect(
      page
        .getByRole('table', { name: /needing attention/ })
        .locator('tbody tr')
        .count(),
    ).resolves.toBe(before - 1);
    const done = page.getByRole('row', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    await expect(done.textContent()).resolves.toContain('Done');
  });

  test('the board pack prints without the navigation', async () => {
    await page.getByRole('link', { name: 'The board pack' }).click();
    await heading1(page, /Improvement board pack/);
    await page.getByRole('heading', { name: 'What slipped since the last board' }).waitFor();
    await expectNoAxeViolations(page, 'the board pack');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Menu' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print the board pack' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'The indicators' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
