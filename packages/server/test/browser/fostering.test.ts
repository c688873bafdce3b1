/**
 * The fostering service in a real browser. The fostering team manager records an enquiry from
 * Amy and Ben Carter and takes them through the application, both assessment stages and panel to
 * the decision maker's approval for one child aged 5 to 12; Poppy's social worker places her with
 * them, choosing them from the in-house carers whose terms fit; their supervising social worker
 * records the first supervising visit. Then long-standing carers resign, dissatisfied with the
 * support, and the carers' turnover on the register changes.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser). Without it the suite
 * is skipped, except under CI=true, where it fails.
 */
import { addDays, todayInEngland } from '@lantern/core/calendar';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addFosteringService, buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { choice, closeAll, expectNoAxeViolations, fillDate, fillPlacement, heading1, pageAs, skip, startDemo, text } from './harness.ts';

const day = (n: number) => addDays(todayInEngland(), n);

describe.skipIf(skip)('The fostering service in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let ids: Awaited<ReturnType<typeof buildFixture>>;
  let ftm: ReturnType<typeof client>;
  let carters = '';

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    ids = await buildFixture(server.store.db);
    await addFosteringService(server.store.db);
    ftm = client(server, await signInAs(server, 'ftm', FIXTURE_PASSWORD));
  });

  afterAll(() => closeAll(browser, server));

  test('a household from enquiry through panel and approval to a first placement and its first supervising visit', async () => {
    const manager = await pageAs(browser, server, 'ftm', '/fostering');
    await heading1(manager, 'Foster carers');
    await manager.getByRole('link', { name: 'Record an enquiry' }).click();
    await heading1(manager, 'Record an enquiry from a prospective foster carer');
    await manager.getByRole('button', { name: 'Save the enquiry' }).click();
    await manager.locator('.govuk-error-summary').getByText('Enter or choose: how the household is known').waitFor();
    await manager.getByLabel('How the household is known').fill('Amy and Ben Carter');
    await fillDate(manager, 'enquiryOn', day(-200));
    await manager.getByLabel('Telephone').fill('01432 555123');
    await expectNoAxeViolations(manager, 'the enquiry form');
    await manager.getByRole('button', { name: 'Save the enquiry' }).click();
    await heading1(manager, 'Amy and Ben Carter');
    await manager.locator('.govuk-notification-banner--success').getByText('Enquiry recorded').waitFor();
    carters = manager.url().split('/').pop() as string;

    const recruit = async (link: string, date: string, at: number, then?: () => Promise<void>) => {
      await manager.getByRole('link', { name: link }).click();
      await heading1(manager, link);
      await fillDate(manager, date, day(at));
      await then?.();
      await manager.getByRole('button', { name: 'Save' }).click();
      await heading1(manager, 'Amy and Ben Carter');
    };
    await recruit('Record the application', 'on', -190);
    await recruit('Record stage one completed', 'on', -180);
    await recruit('Record the stage two assessment completed', 'on', -100);
    await recruit('Record the fostering panel', 'on', -60, async () => {
      await choice(manager, 'The panel’s recommendation', 'Approve').check();
    });
    expect(await text(manager, '.govuk-summary-list')).toContain('recommended approval');

    await manager.getByRole('link', { name: 'Record the decision maker’s decision' }).click();
    await heading1(manager, 'Record the decision maker’s decision');
    await fillDate(manager, 'decidedOn', day(-55));
    await choice(manager, 'The decision', 'Approved').check();
    await manager.getByLabel('The reasons for the decision').fill('The panel’s recommendation, and the assessment’s findings.');
    // Approved without terms: the form says what is missing, before anything is sent.
    await manager.getByRole('button', { name: 'Save the decision' }).click();
    await manager.locator('.govuk-error-summary').waitFor();
    await manager.getByLabel('Approved for how many children (if approved)').fill('1');
    await manager.getByLabel('Youngest age (years)').fill('5');
    await manager.getByLabel('Oldest age (years)').fill('12');
    await choice(manager, 'Boys or girls', 'Any').check();
    await choice(manager, 'Kinds of placement approved for', 'Short-term').check();
    await choice(manager, 'Kinds of placement approved for', 'Long-term').check();
    await expectNoAxeViolations(manager, 'the decision form');
    await manager.getByRole('button', { name: 'Save the decision' }).click();
    await heading1(manager, 'Amy and Ben Carter');
    const summary = await text(manager, '.govuk-summary-list');
    expect(summary).toContain('Up to 1 child aged 5 to 12: short-term, long-term');

    // Poppy's social worker finds the carers whose terms fit her, and places her with them.
    const sw = await pageAs(browser, server, 'sw', `/children/${ids.childA}/looked-after`);
    await heading1(sw, 'Looked after');
    await sw.getByRole('link', { name: 'Find in-house foster carers whose terms fit' }).click();
    await heading1(sw, 'In-house foster carers who could care for this child');
    expect(await text(sw, '[data-testid="fits"] tbody')).toContain('Amy and Ben Carter');
    await sw.goto(`${server.url}/children/${ids.childA}/looked-after`);
    await sw.getByRole('link', { name: 'Record the child becoming looked after' }).click();
    await heading1(sw, 'Record the child becoming looked after');
    await fillPlacement(sw, 'C2', 'U4');
    await sw.getByLabel('In-house foster carers (the council’s own)').selectOption(carters);
    await choice(sw, 'Is the placement intended to last until the child is 18?', 'No').check();
    await sw.getByRole('button', { name: 'Save' }).click();
    await sw.locator('.govuk-notification-banner--success').filter({ hasText: 'Became looked after' }).waitFor();

    // The supervising social worker sees Poppy placed, and records the first supervising visit.
    const ssw = await pageAs(browser, server, 'ssw', `/fostering/households/${carters}`);
    await heading1(ssw, 'Amy and Ben Carter');
    await ssw.getByText(/Poppy Lambert, since/).waitFor();
    expect(await ssw.getByRole('link', { name: 'Record the decision maker’s decision' }).count()).toBe(0);
    await ssw.getByRole('link', { name: 'Record a supervising visit' }).click();
    await heading1(ssw, 'Record a supervising visit');
    await choice(ssw, 'Was the visit unannounced?', 'No').check();
    await ssw.getByLabel('What was seen and discussed').fill('Poppy settling in; her room is ready and she has met the neighbours.');
    await ssw.getByRole('button', { name: 'Save the visit' }).click();
    await heading1(ssw, 'Amy and Ben Carter');
    await ssw.getByText('Supervising visit recorded.').waitFor();
    await ssw.getByText(/Poppy settling in/).waitFor();
  });

  test('a carer’s resignation with its reason changes the carers’ turnover on screen', async () => {
    // The Lloyds were approved two years ago.
    const h = (await ftm.post('/api/fostering/households', { name: 'Dai and Sian Lloyd', enquiryOn: day(-900) })).body.householdId as string;
    let v = 1;
    for (const [step, at] of [
      ['application', -880],
      ['stage-one', -870],
      ['stage-two', -800],
      ['panel', -760],
    ] as const)
      v = (await ftm.post(`/api/fostering/households/${h}/recruitment`, { version: v, step, on: day(at), recommendation: 'approve' })).body.version;
    const terms = { maxChildren: 2, ageFrom: 0, ageTo: 17, placementTypes: ['respite'] };
    const decided = await ftm.post(`/api/fostering/households/${h}/decision`, {
      version: v,
      decidedOn: day(-755),
      decision: 'approved',
      reasons: 'Panel.',
      terms,
    });
    expect(decided.status).toBe(200);

    const manager = await pageAs(browser, server, 'ftm', '/fostering');
    await heading1(manager, 'Foster carers');
    const before = await text(manager, '[data-testid="turnover"]');
    expect(before).toContain('0 households left');
    await manager.getByRole('link', { name: 'Dai and Sian Lloyd' }).click();
    await heading1(manager, 'Dai and Sian Lloyd');
    await manager.getByRole('link', { name: 'Record the household leaving the service' }).click();
    await heading1(manager, 'Record the household leaving the service');
    await choice(manager, 'How is the household leaving?', 'The carers resigned').check();
    await manager.getByRole('button', { name: 'Save' }).click();
    await manager.locator('.govuk-error-summary').getByText('Enter or choose: why the household left').waitFor();
    await manager.getByLabel('Why the household left').selectOption({ label: 'Dissatisfied with the support given' });
    await expectNoAxeViolations(manager, 'the leaving form');
    await manager.getByRole('button', { name: 'Save' }).click();
    await heading1(manager, 'Dai and Sian Lloyd');
    expect(await text(manager, '.govuk-summary-list')).toContain('Resigned on');
    expect(await text(manager, '.govuk-summary-list')).toContain('Dissatisfied with the support given');

    await manager.getByRole('link', { name: 'Back to foster carers' }).click();
    await heading1(manager, 'Foster carers');
    const after = await text(manager, '[data-testid="turnover"]');
    expect(after).toContain('1 household left');
    expect(after).toMatch(/turnover \d+(\.\d)?% of the \d+ approved a year ago/);
    expect(after).not.toBe(before);
    await manager.getByText('Dissatisfied with the support given: 1').waitFor();
  });
});
