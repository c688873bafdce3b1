/**
 * A director in a real browser: the head of service opens the performance dashboard over a
 * seeded demo council, follows a number to the children behind it and on to a child's record,
 * then marks an overdue improvement action done, first refused without evidence, and opens the
 * printable board pack; records an inspection with a recommendation, loads a small file of
 * published figures, adds an action to a recommendation and loads the statistical neighbours.
 * axe checks the dashboard, an indicator, the children list, the forms with their errors and
 * the board pack.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../helpers/server.ts';
import { closeAll, expectNoAxeViolations, heading1, newPage, signIn, skip, startDemo } from './harness.ts';

/** Copied to docs/dashboard.png when the dashboard changes. */
const SCREENSHOT = process.env.LANTERN_DASHBOARD_SCREENSHOT ?? '/tmp/lantern-dashboard.png';
const CONTEXT = { viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;

describe.skipIf(skip)('A director’s dashboard and improvement plan in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(200));
    page = await newPage(browser, CONTEXT);
  });

  afterAll(() => closeAll(browser, server));

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

  test('the director records an inspection with a recommendation, refused first, and sees it on the improvement plan', async () => {
    await page.goto(`${server.url}/improvement`);
    await heading1(page, 'Improvement plan');
    await page.getByRole('link', { name: 'Record an inspection or visit' }).click();
    await heading1(page, 'Record an inspection or visit');
    await page.getByRole('button', { name: 'Save the inspection' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Select the kind of inspection or visit').waitFor();
    for (const message of ['Enter the framework it was carried out under', 'Enter the date it started', 'Enter what the inspectors found'])
      await expect(summary.getByRole('link', { name: message }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'the inspection form with its errors');

    await page.getByLabel('Inspection of local authority children’s services (standard)', { exact: true }).check();
    await page.getByLabel('Framework').fill('ILACS (from April 2026)');
    const started = page.getByRole('group', { name: 'Date it started' });
    await started.getByLabel('Day').fill('12');
    await started.getByLabel('Month').fill('5');
    await started.getByLabel('Year').fill('2026');
    await page.getByLabel('Findings').fill('Children in care wait too long for their plans to progress; leaders now know their services well.');
    // An overall grade is refused for an inspection from April 2026: each area is judged on its own.
    await page.getByLabel('Area of judgement 1').selectOption({ label: 'Overall effectiveness (inspections that started before April 2026 only)' });
    await page.getByLabel('Judgement 1', { exact: true }).fill('Requires improvement to be good');
    await page.getByRole('button', { name: 'Save the inspection' }).click();
    await summary.getByText('From April 2026 there is no single overall grade').waitFor();
    await page.getByLabel('Area of judgement 1').selectOption({ label: 'The experiences and progress of children in care' });
    await page.getByRole('button', { name: 'Add another judgement' }).click();
    await page.getByLabel('Area of judgement 2').selectOption({ label: 'The impact of leaders on social work practice with children and families' });
    await page.getByLabel('Judgement 2', { exact: true }).fill('Good');
    const recommendation = 'Make sure every child in care has a permanence plan by their second review.';
    await page.getByLabel('Recommendation 1').fill(recommendation);
    await page.getByRole('button', { name: 'Save the inspection' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Inspection recorded').waitFor();
    await heading1(page, 'Improvement plan');
    const section = page.getByRole('region', { name: 'Inspection of local authority children’s services (standard), 12 May 2026' });
    await section.getByRole('heading', { name: `Recommendation 1: ${recommendation}` }).waitFor();
    const judgements = section.getByRole('table', { name: 'Judgements' });
    await expect(judgements.getByRole('row', { name: /children in care/ }).textContent()).resolves.toContain('Requires improvement to be good');
    await expect(judgements.getByRole('row', { name: /leadership/ }).textContent()).resolves.toContain('Good');
  });

  test('the director loads a small benchmark file and sees the comparator figures on the indicator', async () => {
    await page.goto(`${server.url}/performance/re-referrals-12m`);
    await heading1(page, 'Re-referrals within 12 months');
    await page.getByRole('link', { name: 'Load published figures' }).click();
    await heading1(page, 'Load published figures');
    await page.getByRole('button', { name: 'Load the figures' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Select a CSV file of published figures' }).waitFor();
    // A file with a bad line is refused whole, naming the line.
    const file = (name: string, lines: string[]) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`time_period,geographic_level,region_code,region_name,new_la_code,la_name,indicator,value\n${lines.join('\n')}\n`),
    });
    await page.getByLabel('CSV file of published figures').setInputFiles(file('bad.csv', ['202526,National,,,,,re-referrals-12m,lots']));
    await page.getByRole('button', { name: 'Load the figures' }).click();
    await page.locator('.govuk-error-summary').getByText('Line 2: a number').waitFor();
    await expectNoAxeViolations(page, 'the benchmark file form with its error');
    await page
      .getByLabel('CSV file of published figures')
      .setInputFiles(
        file('figures.csv', [
          '202526,National,,,,,re-referrals-12m,21.9',
          '202526,Regional,E12000005,West Midlands,,,re-referrals-12m,24.4',
          '202526,Local authority,E12000005,West Midlands,E06000051,Shropshire,re-referrals-12m,19.5',
        ]),
      );
    await page.getByRole('button', { name: 'Load the figures' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('3 figures loaded for 3 areas').waitFor();
    await page.getByRole('link', { name: 'See the indicator against the published figures' }).click();
    await heading1(page, 'Re-referrals within 12 months');
    const row = page.getByRole('table', { name: /by year/ }).getByRole('row', { name: /2025-26/ });
    await row.waitFor();
    // England, the region, and the neighbours' average (Shropshire, the only neighbour with a 2025-26 figure).
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['21.9%', '24.4%', '19.5%']);
  });

  test('the director adds an action with an owner, a due date and a measure to a recommendation, refused first, and sees it on the plan', async () => {
    // A monitoring visit of its own, so this test does not lean on the inspection recorded above.
    const recommendation = 'Strengthen management oversight of re-referrals so that families do not come back without help.';
    const recorded = await page.request.post(`${server.url}/api/improvement/inspections`, {
      data: {
        kind: 'monitoring-visit',
        framework: 'ILACS monitoring visit',
        startedOn: '2026-09-15',
        findings: 'Too many families are referred again within a year.',
        recommendations: [{ number: 1, text: recommendation }],
      },
    });
    expect(recorded.status()).toBe(201);
    const { owners } = await (await page.request.get(`${server.url}/api/improvement/owners`)).json();
    const owner = owners.find((o: { role: string }) => o.role === 'team-manager');
    expect(owner, 'a team manager to own the action').toBeTruthy();

    await page.goto(`${server.url}/improvement`);
    await heading1(page, 'Improvement plan');
    const section = page.getByRole('region', { name: 'Monitoring visit, 15 September 2026' });
    await expect(section.getByText('No actions yet.').isVisible()).resolves.toBe(true);
    await section.getByRole('link', { name: 'Add an action to recommendation 1' }).click();
    await heading1(page, 'Add an action');
    await page.getByText(recommendation).waitFor();

    await page.getByRole('button', { name: 'Add the action' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('Enter what will be done').waitFor();
    for (const message of ['Select who owns the action', 'Enter the date it is due by'])
      await expect(summary.getByRole('link', { name: message }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'the add-an-action form with its errors');

    const title = 'Team managers review every re-referral within five working days and record why the family came back.';
    await page.getByLabel('What will be done').fill(title);
    await page.getByLabel('Owner').selectOption({ label: owner.name });
    const due = page.getByRole('group', { name: 'Due by' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('3');
    await due.getByLabel('Year').fill('2027');
    // A measure is an indicator with a target: the indicator alone is refused.
    await page.getByLabel('Indicator that will show it worked (optional)').selectOption({ label: 'Re-referrals within 12 months' });
    await page.getByRole('button', { name: 'Add the action' }).click();
    await summary.getByRole('link', { name: 'Enter the target for the indicator' }).waitFor();
    await page.getByLabel('Target for the indicator').fill('18');
    await page.getByRole('button', { name: 'Add the action' }).click();

    await page.locator('.govuk-notification-banner--success').getByText('Action added').waitFor();
    await heading1(page, 'Improvement plan');
    const row = section.getByRole('table', { name: 'Actions for recommendation 1' }).getByRole('row', { name: /Team managers review every re-referral/ });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual([owner.name, '31 March 2027', 'Not started']);
    expect(cells[3]).toContain('Re-referrals within 12 months');
    expect(cells[3]).toContain('against a target of 18%');
  });

  test('the director loads the statistical neighbours, refused first, and the indicator averages the new neighbours', async () => {
    const { user } = await (await page.request.get(`${server.url}/api/session`)).json();
    // A second council's published figure, so the average of two neighbours can be read off.
    const figures = await page.request.post(`${server.url}/api/benchmarks`, {
      data: {
        csv: 'time_period,geographic_level,region_code,region_name,new_la_code,la_name,indicator,value\n202526,Local authority,E12000005,West Midlands,E06000020,Telford and Wrekin,re-referrals-12m,24.5\n',
      },
    });
    expect(figures.status()).toBe(201);
    await page.goto(`${server.url}/performance/re-referrals-12m`);
    await heading1(page, 'Re-referrals within 12 months');
    await page.getByRole('link', { name: 'Load the statistical neighbours' }).click();
    await heading1(page, 'Load the statistical neighbours');
    const file = (lines: string[]) => ({
      name: 'neighbours.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`la_code,neighbour_la_code,rank\n${lines.join('\n')}\n`),
    });
    // A neighbour whose figures were never loaded is refused, by its code.
    await page.getByLabel('CSV file of statistical neighbours').setInputFiles(file([`${user.laCode},E09000033,1`]));
    await page.getByRole('button', { name: 'Load the neighbours' }).click();
    await page.locator('.govuk-error-summary').getByText('E09000033: load its published figures first').waitFor();
    await expectNoAxeViolations(page, 'the statistical neighbours form with its error');
    // Another council's rows are not this council's neighbours, and are left alone.
    await page
      .getByLabel('CSV file of statistical neighbours')
      .setInputFiles(file([`${user.laCode},E06000051,1`, `${user.laCode},E06000020,2`, 'E06000051,E06000020,1']));
    await page.getByRole('button', { name: 'Load the neighbours' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('2 statistical neighbours loaded').waitFor();
    await page.getByRole('link', { name: 'See the indicator against the published figures' }).click();
    await heading1(page, 'Re-referrals within 12 months');
    const row = page.getByRole('table', { name: /by year/ }).getByRole('row', { name: /2025-26/ });
    await row.waitFor();
    // Shropshire's 19.5 and Telford and Wrekin's 24.5.
    expect((await row.locator('td').allTextContents()).at(-1)).toBe('22%');
  });
});
