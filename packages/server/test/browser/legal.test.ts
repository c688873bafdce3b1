/**
 * Legal planning and proceedings in a real browser: a social worker takes a looked-after child
 * from a legal planning meeting through pre-proceedings to an application, sees the 26-week date,
 * is refused an extension of more than 8 weeks, records the court's 8-week extension and sees the
 * date move, then records the final care order, which changes the child's legal status on the
 * looked-after record (one record). axe checks the Legal page and a form with errors.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD, PLACEMENT } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { choice, closeAll, expectNoAxeViolations, fillDate, heading1, signedInPage, skip, startDemo, text } from './harness.ts';

const saved = (page: Page, notice: string) => page.locator('.govuk-notification-banner--success').filter({ hasText: notice }).waitFor();

describe.skipIf(skip)('Legal planning and proceedings in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let sw: ReturnType<typeof client>;
  let childId: string;

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    const ids = await buildFixture(server.store.db);
    childId = ids.childA;
    sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    // Accommodated under section 20 before the legal planning meeting.
    const care = await sw.post(`/api/children/${childId}/looked-after`, { startDate: '2026-03-02', ...PLACEMENT, legalStatus: 'V2' });
    expect(care.status).toBe(201);
    page = await signedInPage(browser, server, 'sw');
    await heading1(page, 'Your work');
  });

  afterAll(() => closeAll(browser, server));

  test('from a legal planning meeting to a final care order, with the 26-week date moved by the court’s extension', async () => {
    await page.goto(`${server.url}/children/${childId}`);
    await page.getByRole('link', { name: /Legal planning and proceedings/ }).click();
    await heading1(page, 'Legal planning and proceedings');

    await page.getByRole('link', { name: 'Record a legal planning meeting' }).click();
    await heading1(page, 'Record a legal planning meeting');
    await fillDate(page, 'heldOn', '2026-03-09');
    await page.getByLabel('The council’s lawyer at the meeting').fill('Lee Lawyer');
    await page.getByLabel('The threshold discussion').fill('Chronic neglect; the threshold is met.');
    await choice(page, 'The decision (leave blank if it is still to be made)', 'Pre-proceedings: send the letter before proceedings').check();
    await page.getByLabel('Reasons for the decision').fill('The parents may change with a clear plan.');
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await saved(page, 'Legal planning meeting saved');

    await page.getByRole('link', { name: 'Record the letter before proceedings' }).click();
    await fillDate(page, 'letterSentOn', '2026-03-10');
    await page.getByLabel('Who the letter was sent to').fill('Karen Lambert');
    await page.getByRole('button', { name: 'Save the letter' }).click();
    await saved(page, 'pre-proceedings have begun');
    const pre = await text(page, '[data-testid=pre-proceedings]');
    expect(pre).toContain('Due by 24 March 2026'); // the meeting: 10 working days after the letter
    expect(pre).toContain('30 June 2026 (16 weeks from the letter)');

    await page.getByRole('link', { name: 'Record the pre-proceedings meeting' }).click();
    await fillDate(page, 'meetingHeldOn', '2026-03-20');
    await page.getByLabel('The plan agreed').fill('Drug tests; a parenting course.');
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await saved(page, 'Pre-proceedings meeting saved');
    expect(await text(page, '[data-testid=pre-proceedings]')).toContain('Held 20 March 2026');

    await page.getByRole('link', { name: 'Record the application to court' }).click();
    await fillDate(page, 'issuedOn', '2026-04-14');
    await page.getByLabel('Court', { exact: true }).fill('Hereford Family Court');
    await page.getByLabel('Case number').fill('HR26C00123');
    await choice(page, 'What the council applied for', 'Care order').check();
    await page.getByRole('button', { name: 'Save the application' }).click();
    await saved(page, 'the proceedings have 26 weeks');
    expect(await text(page, '[data-testid=proceedings-due]')).toBe('13 October 2026');
    expect(await page.getByText('is not in pre-proceedings now').count()).toBe(1); // issuing ended them
    await expectNoAxeViolations(page, 'the Legal page');

    await page.getByRole('link', { name: 'Record an extension the court granted' }).click();
    await fillDate(page, 'grantedOn', '2026-10-01');
    await fillDate(page, 'newDueOn', '2026-12-09');
    await page.getByLabel('Why the court extended the timetable').fill('The expert’s report is late.');
    await page.getByRole('button', { name: 'Save the extension' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('up to 8 weeks');
    await expectNoAxeViolations(page, 'the extension form with an error');
    await fillDate(page, 'newDueOn', '2026-12-08');
    await page.getByRole('button', { name: 'Save the extension' }).click();
    await saved(page, 'Extension saved');
    expect(await text(page, '[data-testid=proceedings-due]')).toBe('8 December 2026 (extended once by the court)');
    expect(await text(page, '[data-testid=extensions]')).toContain('8 December 2026');

    await page.getByRole('link', { name: 'Record an order the court made' }).click();
    await fillDate(page, 'madeOn', '2026-11-20');
    await choice(page, 'Which order', 'Care order').check();
    await page.getByRole('button', { name: 'Save the order' }).click();
    await saved(page, 'Order saved');
    await page.getByText('Care order issued 14 April 2026: Care order on 20 November 2026').waitFor();
    expect(await text(page, '[data-testid=court-events]')).toContain('Care order made (the child’s legal status on the Looked after page changed with it)');
    // One record: the looked-after episode now carries the full care order.
    expect((await sw.get(`/api/children/${childId}/looked-after`)).body.current.legalStatus).toBe('C2');
  });
});
