/**
 * Supervision in a real browser: a team manager opens a practitioner from the team page,
 * records a supervision covering two of the children she holds, with a direction for each, and
 * then sees each child’s record show the direction given, with who gave it and when; and starts a
 * new starter’s induction (ASYE, protected caseload) and signs off its checklist.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser). Without it the suite
 * is skipped, except under CI=true, where it fails.
 */
import { addDays, isWorkingDay, todayInEngland } from '@lantern/core/calendar';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshWorkerObligations } from '../../src/kernel/worker-obligations.ts';
import { buildFixture, FIXTURE_PASSWORD, LA, ninaNewstart } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, expectNoAxeViolations, fillDate, heading1, longDate, newPage, signIn, skip, startDemo, text } from './harness.ts';

describe.skipIf(skip)('A team manager records supervision in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ids: Awaited<ReturnType<typeof buildFixture>>;
  const heldOn = addDays(todayInEngland(), -1);
  const poppyDirection = 'See Poppy alone at school before Friday and ask about the bruise.';
  const miaDirection = 'Book the health assessment for Mia this week.';

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    ids = await buildFixture(server.store.db);
    await refreshWorkerObligations(server.store.db, LA);
    // Ava holds Poppy already; the manager gives her Mia too.
    const tm = client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD));
    expect((await tm.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.swA, startDate: addDays(todayInEngland(), -30) })).status).toBe(
      201,
    );
    page = await newPage(browser);
  });

  afterAll(() => closeAll(browser, server));

  test('records a supervision covering two children from the team page', async () => {
    await page.goto(`${server.url}/teams/${ids.teamA}`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'tm', FIXTURE_PASSWORD);
    // Signing in returns the manager to the team page she asked for.
    await heading1(page, 'Children in need 1');
    await page.getByRole('link', { name: 'Ava Tester' }).click();
    await heading1(page, 'Ava Tester');
    // Never supervised since she started in 2020: overdue.
    expect(await text(page, '[data-testid=next-supervision]')).toContain('Overdue');

    // A direction is asked for each child chosen.
    await fillDate(page, 'heldOn', heldOn);
    await page.getByLabel('Poppy Lambert (T1)').check();
    await page.getByRole('button', { name: 'Record supervision' }).click();
    await page.locator('.govuk-error-summary').filter({ hasText: 'Enter the direction given for Poppy Lambert' }).waitFor();
    await expectNoAxeViolations(page, 'the supervision form with an error');

    await page.getByLabel('Direction for Poppy Lambert').fill(poppyDirection);
    await page.getByLabel('Mia Goodwin (T3)').check();
    await page.getByLabel('Direction for Mia Goodwin').fill(miaDirection);
    await page.getByLabel('Notes (optional)').fill('Caseload and wellbeing discussed.');
    await page.getByRole('button', { name: 'Record supervision' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Supervision recorded' }).waitFor();
    const record = page.getByTestId('supervision').first();
    expect(await record.textContent()).toContain(longDate(heldOn));
    expect(await record.textContent()).toContain(poppyDirection);
    expect(await record.textContent()).toContain(miaDirection);
    // The next is due four weeks after this one.
    expect(await text(page, '[data-testid=next-supervision]')).toContain(longDate(addDays(heldOn, 28)));
    await expectNoAxeViolations(page, 'the supervision page');
  });

  test('each child’s record shows the direction given, by whom and when', async () => {
    await page.getByTestId('supervision').first().getByRole('link', { name: 'Poppy Lambert' }).click();
    await heading1(page, 'Poppy Lambert');
    const row = page.getByTestId('oversight').locator('tr[data-kind="supervision-direction"]');
    await row.first().waitFor();
    const poppy = (await row.first().textContent()) ?? '';
    expect(poppy).toContain(poppyDirection);
    expect(poppy).toContain('Tom Tester');
    expect(poppy).toContain(longDate(heldOn));
    expect(poppy).not.toContain(miaDirection);
    await expectNoAxeViolations(page, 'a child’s record with management oversight');
    // The chronology (the child's history page) has it too.
    await page.getByRole('link', { name: /^History/ }).click();
    await page.locator('#chronology-heading').waitFor();
    expect(await text(page, 'main')).toContain(`Supervision direction (Tom Tester with Ava Tester): ${poppyDirection}`);

    await page.goto(`${server.url}/children/${ids.childUnallocated}`);
    await heading1(page, 'Mia Goodwin');
    const mia = page.getByTestId('oversight').locator('tr[data-kind="supervision-direction"]');
    await mia.first().waitFor();
    expect(await mia.first().textContent()).toContain(miaDirection);
  });

  test('a manager starts a new starter’s induction with her ASYE and protected caseload, and signs off the checklist', async () => {
    const admin = client(server, await signInAs(server, 'admin', FIXTURE_PASSWORD));
    const startDate = addDays(todayInEngland(), -14);
    const created = await admin.post('/api/workers', ninaNewstart(ids.teamA, startDate));
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/workers/${created.body.workerId}/supervision`);
    await heading1(page, 'Nina Newstart');
    const induction = page.getByTestId('induction');
    await induction.getByText('Induction not started.').waitFor();
    await fillDate(page, 'asyeStart', startDate);
    await page.getByLabel('Protected caseload (optional)').fill('50');
    await page.getByRole('button', { name: 'Start induction' }).click();
    await page.locator('.govuk-error-summary').filter({ hasText: 'The protected caseload must be 40 children or fewer' }).waitFor();
    await page.getByLabel('Protected caseload (optional)').fill('10');
    await page.getByRole('button', { name: 'Start induction' }).click();
    await induction.getByRole('table').waitFor();
    expect(await text(page, '[data-testid=asye]')).toBe(`Started ${longDate(startDate)}`);
    expect(await text(page, '[data-testid=protected-caseload]')).toBe('10 children at most');
    const rows = induction.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);
    const first = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
    await rows
      .first()
      .getByRole('button', { name: `Sign off ${first}` })
      .click();
    await rows.first().getByText(longDate(todayInEngland())).waitFor();
    expect(await rows.first().getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'an induction checklist part signed off');
    // Sign off the rest: the induction is complete.
    for (let i = 1; i < count; i++) {
      await rows.nth(i).getByRole('button').click();
      await rows.nth(i).getByText(longDate(todayInEngland())).waitFor();
    }
    await induction.locator('h2').getByText('Complete').waitFor();
  });

  test('a manager records a team member’s sick leave; it shows with its working days', async () => {
    // Three days from three weeks ago: the working days among them are what the census counts.
    const from = addDays(todayInEngland(), -21);
    const to = addDays(from, 2);
    await page.goto(`${server.url}/workers/${ids.swA2}/supervision`);
    await heading1(page, 'Amir Tester');
    const section = page.getByTestId('absences');
    await section.getByText('No absences recorded.').waitFor();
    await section.getByText('Record an absence').click();
    await fillDate(page, 'absenceStart', from);
    await fillDate(page, 'absenceEnd', to);
    await section.getByRole('button', { name: 'Record absence' }).click();
    await section.locator('.govuk-error-summary').filter({ hasText: 'Select the reason for the absence' }).waitFor();
    await expectNoAxeViolations(page, 'the absence form with an error');
    await section.getByLabel('Reason').selectOption('SIC');
    await section.getByRole('button', { name: 'Record absence' }).click();
    const row = section.locator('tbody tr').first();
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
    expect(cells.slice(0, 3)).toEqual([longDate(from), longDate(to), 'Sick leave']);
    const working = [0, 1, 2].map((d) => addDays(from, d)).filter((d) => isWorkingDay(d)).length;
    expect(cells[3]).toBe(String(working));
  });
});
