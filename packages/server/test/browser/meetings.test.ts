/**
 * Conferences and reviews as the practice record, in a real browser over a seeded demo council.
 * A social worker holds an initial child protection conference and records who came and what was
 * decided; the child's IRO records a looked-after review and a recommendation for the social
 * worker, which then appears on the social worker's work list. axe checks the record form and
 * the conferences and reviews page.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { addDays, addWorkingDays, todayInEngland } from '@lantern/core/calendar';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { PLACEMENT } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { choice, closeAll, CONTEXT, expectNoAxeViolations, heading1, longDate, newPage, signIn, skip, startDemo, text } from './harness.ts';

describe.skipIf(skip)('Conferences and reviews in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let childId: string;
  let swName: string;
  const today = todayInEngland();
  const recommendation = 'Arrange swimming lessons near the foster home, as the child asked';

  beforeAll(async () => {
    ({ server, browser } = await startDemo(150));
    url = server.url;
    // A new child, brought by the API to the point of an initial conference and into care, held
    // by sw.demo with iro.demo as IRO.
    const sw = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    const hos = client(server, await signInAs(server, 'hos.demo', DEMO_PASSWORD));
    const workerOf = async (username: string) =>
      await server.store.db
        .selectFrom('app_user as u')
        .innerJoin('worker as w', 'w.worker_id', 'u.worker_id')
        .select(['w.worker_id', 'w.given_name', 'w.family_name'])
        .where('u.username', '=', username)
        .executeTakeFirstOrThrow();
    const swWorker = await workerOf('sw.demo');
    const iroWorker = await workerOf('iro.demo');
    swName = `${swWorker.given_name} ${swWorker.family_name}`;
    const added = await sw.post('/api/children', {
      givenName: 'Nell',
      familyName: 'Meetingtest',
      dateOfBirth: '2014-02-03',
      sex: 'F',
      ethnicity: 'WBRI',
      confirmNotDuplicate: true,
    });
    expect(added.status).toBe(201);
    childId = added.body.childId ?? added.body.child?.childId;
    const start = addDays(today, -30);
    expect((await hos.post(`/api/children/${childId}/allocations`, { workerId: swWorker.worker_id, role: 'social-worker', startDate: start })).status).toBe(
      201,
    );
    expect((await hos.post(`/api/children/${childId}/allocations`, { workerId: iroWorker.worker_id, role: 'iro', startDate: start })).status).toBe(201);
    const contact = await sw.post(`/api/children/${childId}/contacts`, {
      receivedAt: `${start}T09:00:00Z`,
      source: '2A',
      presentingConcern: 'School saw marks on her neck.',
    });
    expect(contact.status).toBe(201);
    expect(
      (
        await sw.post(`/api/children/${childId}/contacts/${contact.body.contactId}/decision`, {
          decision: 'referral',
          decidedOn: start,
          reasons: 'Injury to explain.',
          primaryNeed: 'N1',
        })
      ).status,
    ).toBe(200);
    const sd = await sw.post(`/api/children/${childId}/strategy-discussions`, {
      heldOn: addDays(today, -20),
      agencies: ['social-care', 'police', 'health'],
      decision: 'section-47',
      reasons: 'Unexplained marks.',
    });
    expect(sd.status).toBe(201);
    const s47 = await sw.post(`/api/children/${childId}/section47s`, { strategyId: sd.body.strategyId, startDate: addDays(today, -20) });
    expect(s47.status).toBe(201);
    expect(
      (await sw.post(`/api/children/${childId}/section47s/${s47.body.s47Id}/outcome`, { completedOn: addDays(today, -10), outcome: 'conference' })).status,
    ).toBe(200);
    const care = await sw.post(`/api/children/${childId}/looked-after`, { startDate: addDays(today, -14), ...PLACEMENT });
    expect(care.status).toBe(201);
  });

  afterAll(() => closeAll(browser, server));

  test('the social worker holds an initial conference and records who came and what was decided', async () => {
    const page = await newPage(browser);
    await page.goto(`${url}/children/${childId}/casework`);
    await signIn(page, 'sw.demo');
    await heading1(page, 'Children in need and child protection');
    await page.getByTestId('next-steps').getByRole('link', { name: 'Record an initial child protection conference' }).click();
    await choice(page, 'What did the conference decide?', 'Child protection plan').check();
    await choice(page, 'Category of abuse', 'Physical abuse').check();
    await page.getByLabel('Chair', { exact: true }).fill('Priya Raman');
    await choice(page, 'Did the child meet the chair?', 'Yes').check();
    await choice(page, 'Did the parents meet the chair?', 'No').check();
    await page.getByRole('button', { name: 'Save conference' }).click();
    await heading1(page, 'Children in need and child protection');

    await page.goto(`${url}/children/${childId}/meetings`);
    await heading1(page, 'Conferences and reviews');
    await page
      .getByRole('link', { name: /Record who came, the child’s views and the decisions/ })
      .first()
      .click();
    await heading1(page, /Record of the initial child protection conference/);
    // Nothing said about how the child was heard, nor the decisions: refused here first.
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expectNoAxeViolations(page, 'the conference record form with errors');

    await choice(page, 'Came?', 'No').check();
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.locator('[id="attendees.1.role"]').selectOption('parent');
    await page.locator('[id="attendees.1.name"]').fill('Dana Meetingtest');
    await page.getByRole('group', { name: 'Person 2' }).getByRole('group', { name: 'Came?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.locator('[id="attendees.2.role"]').selectOption('agency');
    await page.locator('[id="attendees.2.agency"]').fill('Hillside Academy');
    await page.getByRole('group', { name: 'Person 3' }).getByRole('group', { name: 'Came?' }).getByLabel('Yes', { exact: true }).check();
    await choice(page, 'How were the child’s views heard?', 'The child met the chair before the conference').check();
    await page.getByLabel('The decisions').fill('Nell is to be the subject of a child protection plan.\nA safety plan for evenings is agreed.');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.locator('.govuk-notification-banner--success').filter({ hasText: 'Record of the meeting saved' }).waitFor();
    const section = await text(page, 'main');
    expect(section).toContain('Dana Meetingtest (Parent)');
    expect(section).toContain('Hillside Academy (Partner agency');
    expect(section).toContain('The child met the chair before the conference');
    expect(section).toContain('A safety plan for evenings is agreed.');
    expect(section).toContain(longDate(today));
    await expectNoAxeViolations(page, 'the conferences and reviews page');
  });

  test('the IRO records a review with a recommendation; it is on the social worker’s work list', async () => {
    const iro = await (await browser.newContext(CONTEXT)).newPage();
    await iro.goto(`${url}/children/${childId}/looked-after/review`);
    await signIn(iro, 'iro.demo');
    await choice(iro, 'How the child took part', 'The child came and spoke for themselves').check();
    await iro.getByLabel('What the child said, in their own words').fill('I like my foster carers and I want to learn to swim.');
    await iro.getByRole('button', { name: 'Save review' }).click();
    await heading1(iro, /looked after/i);

    await iro.goto(`${url}/children/${childId}/meetings`);
    await heading1(iro, 'Conferences and reviews');
    await iro.getByRole('link', { name: /Add a recommendation of the looked-after review/ }).click();
    await iro.getByLabel('What must be done').fill(recommendation);
    await iro.getByLabel('Who will do it').selectOption({ label: swName });
    await iro.getByRole('button', { name: 'Add the recommendation' }).click();
    await iro.locator('.govuk-notification-banner--success').filter({ hasText: 'Recommendation added' }).waitFor();
    expect(await text(iro, 'main')).toContain(recommendation);

    const sw = await (await browser.newContext(CONTEXT)).newPage();
    await sw.goto(`${url}/work?ruleId=iro-recommendation`);
    await signIn(sw, 'sw.demo');
    await heading1(sw, 'My work');
    await sw.getByRole('row').filter({ hasText: 'Nell Meetingtest' }).first().waitFor();
    const row = await sw.getByRole('row').filter({ hasText: 'Nell Meetingtest' }).first().innerText();
    expect(row).toContain('Review or conference recommendation');
    expect(row).toContain(longDate(addWorkingDays(today, 20)));
  });
});
