/**
 * Looked-after care in a real browser: a social worker records an unaccompanied child's arrival
 * and sees the delay in becoming looked after counted (on the child's page and in the UASC
 * list), then records a care leaver's 17th birthday contact, first refused for codes that do
 * not agree; records a deprivation of liberty order (refused first for an end before it was
 * made), sees it in plain words, and ends it. axe checks the child's page and forms with errors.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { becameLookedAfter, buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { choice, closeAll, expectNoAxeViolations, fillDate, heading1, signedInPage, skip, startDemo, text } from './harness.ts';

describe.skipIf(skip)('Looked-after care in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let uascChild: string;
  let leaver: string;

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    await buildFixture(server.store.db);
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    uascChild = (await sw.post('/api/children', { givenName: 'Hamid', familyName: 'Arrival', dateOfBirth: '2010-04-04', sex: 'M' })).body.child.childId;
    leaver = (await sw.post('/api/children', { givenName: 'Kayla', familyName: 'Leaver', dateOfBirth: '2009-06-10', sex: 'F' })).body.child.childId;
    page = await signedInPage(browser, server, 'sw');
    await heading1(page, 'Your work');
  });

  afterAll(() => closeAll(browser, server));

  test('records an unaccompanied child’s arrival and sees the delay until they are looked after', async () => {
    await page.goto(`${server.url}/children/${uascChild}`);
    await page.getByRole('link', { name: /Looked-after care and leaving care/ }).click();
    await heading1(page, 'Looked-after care and leaving care');
    await page.getByRole('link', { name: 'Record as an unaccompanied asylum-seeking child' }).click();
    await heading1(page, 'Unaccompanied asylum-seeking child');
    await fillDate(page, 'referredOn', '2026-11-20');
    await choice(page, 'How the child came to the council', 'Spontaneous arrival').check();
    await choice(page, 'Age assessment', 'Age disputed').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'UASC details saved' }).waitFor();
    expect(await text(page, '[data-testid=uasc-delay]')).toMatch(/Not yet looked after: \d+ days since referral/);
    expect(await page.locator('[data-testid=deadlines] tr[data-rule="uasc-looked-after"]').getAttribute('data-state')).toBe('overdue');
    await expectNoAxeViolations(page, 'the looked-after care page');

    // Part A's episodes service records the child becoming looked after; here the episode is
    // written directly, and the next save of the UASC record refreshes the deadline.
    await becameLookedAfter(server.store.db, uascChild, '2026-11-23', null, 'N4');
    await page.getByRole('link', { name: 'Change UASC details' }).click();
    await heading1(page, 'Unaccompanied asylum-seeking child');
    await choice(page, 'Age assessment', 'Assessed as a child').check();
    await fillDate(page, 'ageAssessedOn', '2026-11-25');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await text(page, '[data-testid=uasc-delay]')).toContain('Looked after 3 days after referral');

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Children looked after' }).click();
    await heading1(page, 'Children looked after');
    await page.getByRole('link', { name: 'Unaccompanied asylum-seeking children' }).click();
    await heading1(page, 'Unaccompanied asylum-seeking children');
    expect(await text(page, '[data-testid=uasc-delayed]')).toBe('1 child was not looked after on the day of referral.');
    expect(await text(page, '[data-testid=uasc-row]')).toContain('3 days');
  });

  test('records a care leaver’s 17th birthday contact, refused first for codes that do not agree', async () => {
    await page.goto(`${server.url}/children/${leaver}/looked-after-care`);
    await heading1(page, 'Looked-after care and leaving care');
    await page.getByRole('link', { name: 'Record leaving care category' }).click();
    await heading1(page, 'Leaving care');
    await choice(page, 'Leaving care category', 'Relevant (16–17, left care)').check();
    await fillDate(page, 'eligibleFrom', '2025-06-10');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Leaving care details saved' }).waitFor();

    await page.getByRole('link', { name: 'Record a birthday contact' }).click();
    await heading1(page, 'Record the birthday contact');
    await page.getByLabel('Which birthday?').selectOption('17');
    await fillDate(page, 'contactOn', '2026-06-12');
    await choice(page, 'Is the council in touch with them?', 'Not in touch (NO)').check();
    await page.getByLabel('Main activity').selectOption('F2');
    await page.getByLabel('Accommodation and whether it is suitable').selectOption('D1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('Not in touch, died or returned home: activity is not known (0)');
    await expectNoAxeViolations(page, 'the birthday contact form with errors');

    await choice(page, 'Is the council in touch with them?', 'In touch (YES)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Birthday contact saved' }).waitFor();
    const row = await text(page, '[data-testid=birthday-contacts] tbody tr');
    expect(row).toContain('17th');
    expect(row).toContain('In touch');
    expect(row).toContain('Full-time other education');
    expect(row).toContain('Semi-independent, transitional accommodation (suitable)');
  });

  test('records a deprivation of liberty order, sees what it authorises, then ends it', async () => {
    await page.goto(`${server.url}/children/${uascChild}/looked-after-care`);
    await heading1(page, 'Looked-after care and leaving care');
    await page.getByRole('link', { name: 'Record a deprivation of liberty order' }).click();
    await heading1(page, 'Record a deprivation of liberty order');
    await fillDate(page, 'madeOn', '2026-11-30');
    await page.getByLabel('Court', { exact: true }).fill('High Court, Family Division');
    await page.getByLabel('Case number', { exact: true }).fill('FD26P00321');
    await page.getByLabel('What the order authorises').fill('Locked doors at night; supervision by one member of staff in the community.');
    await fillDate(page, 'expiresOn', '2026-11-01');
    await page.getByRole('button', { name: 'Save the order' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('The order cannot run out before it was made');
    await expectNoAxeViolations(page, 'the deprivation of liberty form with errors');

    await fillDate(page, 'expiresOn', '2027-05-29');
    await page.getByRole('button', { name: 'Save the order' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Deprivation of liberty order saved' }).waitFor();
    expect(await text(page, '[data-testid=dolo-in-force]')).toContain(
      'Hamid’s liberty is restricted by a High Court order made 30 November 2026 and in force until 29 May 2027. It authorises: Locked doors at night',
    );
    expect(await text(page, '[data-testid=dolo]')).toContain('High Court, Family Division (case FD26P00321)');
    await expectNoAxeViolations(page, 'the looked-after care page with an order in force');

    await page.getByRole('link', { name: /Extend, end or correct/ }).click();
    await heading1(page, 'Extend, end or correct a deprivation of liberty order');
    await fillDate(page, 'endedOn', '2026-12-04');
    await page.getByLabel('Why it ended').fill('Discharged at the first review');
    await page.getByRole('button', { name: 'Save the order' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Deprivation of liberty order saved' }).waitFor();
    expect(await page.locator('[data-testid=dolo-in-force]').count()).toBe(0);
    expect(await text(page, '[data-testid=dolo]')).toContain('Ended 4 December 2026: Discharged at the first review');
  });
});
