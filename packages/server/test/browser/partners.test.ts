/**
 * A request to a housing partner in a real browser: a social worker sends it from the child's
 * record; a partner user signs in, sees only that child and that request, and answers with a
 * report; the social worker sees the answer on the child's chronology. axe checks the partner's
 * pages. Needs Debian's Chromium (never downloads a browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, CONTEXT, expectNoAxeViolations, heading1, menuLinks, signIn, skip, startDemo, text } from './harness.ts';

const PARTNER_PASSWORD = 'housing partner password';

describe.skipIf(skip)('A request to a housing partner, answered, in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let worker: Page;
  let partner: Page;
  let childId: string;
  let otherChildId: string;
  const familyName = `Partner${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)] as string)}`;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(60));
    const admin = client(server, await signInAs(server, 'admin.demo', DEMO_PASSWORD));
    const org = await admin.post('/api/partner-organisations', { name: 'Brookside Housing Association', partnerType: 'housing' });
    await admin.post(`/api/partner-organisations/${org.body.organisationId}/contacts`, {
      name: 'Rhona Pike',
      jobTitle: 'Housing options lead',
      isEscalation: true,
    });
    expect(
      (
        await admin.post(`/api/partner-organisations/${org.body.organisationId}/users`, {
          username: 'brookside.housing',
          displayName: 'Dev Patel',
          password: PARTNER_PASSWORD,
        })
      ).status,
    ).toBe(201);
    // Two new children recorded by the social worker: unallocated, so their team may act on them.
    const sw = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    childId = (await sw.post('/api/children', { givenName: 'Lily', familyName, dateOfBirth: '2018-04-23', sex: 'F' })).body.child.childId;
    otherChildId = (await sw.post('/api/children', { givenName: 'Oscar', familyName, dateOfBirth: '2016-09-02', sex: 'M' })).body.child.childId;
    worker = await (await browser.newContext(CONTEXT)).newPage();
    partner = await (await browser.newContext(CONTEXT)).newPage();
    for (const p of [worker, partner]) p.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  });

  afterAll(() => closeAll(browser, server));

  test('the social worker sends a housing request from the child’s record', async () => {
    await worker.goto(`${server.url}/children/${childId}`);
    await worker.waitForURL(/\/sign-in/);
    await signIn(worker, 'sw.demo');
    await heading1(worker, `Lily ${familyName}`);
    await worker
      .getByTestId('partner-summary')
      .getByRole('link', { name: /Requests to partners/ })
      .click();
    await heading1(worker, 'Partner agencies');
    // Nothing filled: said here, beside each field.
    await worker.getByRole('button', { name: 'Send request' }).click();
    await worker.locator('.govuk-error-summary').waitFor();
    expect(await text(worker, '.govuk-error-summary')).toContain('Choose the partner agency');
    await worker.getByLabel('Partner agency', { exact: true }).selectOption({ label: 'Brookside Housing Association (Housing)' });
    await worker.getByLabel('What are you asking for?', { exact: true }).selectOption('housing-assessment');
    await worker.getByLabel('What you are asking', { exact: true }).fill('Please assess Lily’s family for a move: they are sleeping four to a room.');
    await worker
      .getByLabel('What the partner needs to know', { exact: true })
      .fill('Lily (8) lives with her mother and two brothers; the landlord has served notice.');
    await worker.getByRole('button', { name: 'Send request' }).click();
    await worker.locator('.govuk-notification-banner--success').filter({ hasText: 'Request sent to Brookside Housing Association' }).waitFor();
    const card = worker.getByTestId('partner-requests').locator('li[data-state=awaiting]');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain('A housing assessment: Brookside Housing Association');
  });

  test('the partner signs in, sees only that child and request, and answers with a report', async () => {
    await partner.goto(`${server.url}/`);
    await partner.waitForURL(/\/sign-in/);
    await signIn(partner, 'brookside.housing', PARTNER_PASSWORD);
    // A partner lands on their own landing page; the requests are one menu item away.
    await partner.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Requests' }).click();
    await heading1(partner, 'Requests to your organisation');
    expect(await menuLinks(partner)).toEqual(['Requests']);
    const rows = partner.getByTestId('partner-inbox').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain(`Lily ${familyName}`);
    expect(row).toContain('Born 23 April 2018');
    expect(await text(partner, 'main')).not.toContain('Oscar');
    await expectNoAxeViolations(partner, 'the partner’s list of requests');

    await partner.getByRole('link', { name: /A housing assessment/ }).click();
    await heading1(partner, 'A housing assessment');
    expect(await text(partner, '[data-testid=partner-request]')).toContain('the landlord has served notice');
    await partner.getByRole('button', { name: 'Send answer' }).click();
    await partner.locator('.govuk-error-summary').filter({ hasText: 'Enter your answer' }).waitFor();
    await expectNoAxeViolations(partner, 'the answer form with an error');
    await partner.getByLabel('Your answer', { exact: true }).fill('Assessed today: band B, three-bedroom need. Placed on the transfer list.');
    await partner.getByLabel('Attach a report (optional)', { exact: true }).setInputFiles({
      name: 'housing-assessment.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Housing assessment: overcrowded by two bedrooms. Band B.'),
    });
    await partner.getByRole('button', { name: 'Send answer' }).click();
    await partner
      .locator('.govuk-notification-banner--success')
      .filter({ hasText: `Answer sent for Lily ${familyName}` })
      .waitFor();
    await partner.getByText('There are no open requests.').waitFor();

    // Nothing else of any child's record opens for them, by address.
    for (const id of [childId, otherChildId]) {
      await partner.goto(`${server.url}/children/${id}`);
      await heading1(partner, 'Page not found');
      expect(await text(partner, 'main')).not.toContain(familyName);
    }
  });

  test('the social worker sees the answer on the child’s chronology, with the report', async () => {
    await worker.goto(`${server.url}/children/${childId}/history`);
    await heading1(worker, `Lily ${familyName}`);
    const chronology = worker.getByTestId('chronology');
    await chronology.getByText(/Brookside Housing Association answered \(Dev Patel\): A housing assessment/).waitFor();
    expect(await chronology.textContent()).toContain('band B, three-bedroom need');
    expect(await chronology.textContent()).toContain('[report: housing-assessment.txt]');
    await worker.goto(`${server.url}/children/${childId}/partners`);
    const card = worker.getByTestId('partner-requests').locator('li[data-state=answered]');
    await card.waitFor();
    expect(await card.getByRole('link', { name: 'housing-assessment.txt' }).count()).toBe(1);
  });

  test('the head of service sees the families waiting for a home and the register of agencies', async () => {
    const hos = await (await browser.newContext(CONTEXT)).newPage();
    await hos.goto(`${server.url}/partners`);
    await hos.waitForURL(/\/sign-in/);
    await signIn(hos, 'hos.demo');
    await heading1(hos, 'Partner agencies');
    await hos.getByTestId('housing-list').waitFor();
    expect(await hos.getByTestId('housing-list').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await text(hos, '[data-testid=partner-indicators]')).toContain('Housing');
    await expectNoAxeViolations(hos, 'the housing list and partner indicators');
    await hos.getByRole('link', { name: 'The register of partner agencies and their contacts' }).click();
    await heading1(hos, 'Partner agencies register');
    expect(await text(hos, '[data-testid=register]')).toContain('Brookside Housing Association');
    expect(await text(hos, '[data-testid=register]')).toContain('Rhona Pike, Housing options lead (escalation)');
    await expectNoAxeViolations(hos, 'the register of partner agencies');
  });
});
