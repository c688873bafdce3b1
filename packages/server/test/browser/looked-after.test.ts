/**
 * Children looked after in a real browser over a seeded demo council: a social worker records a
 * child coming into care, then a move to an unregistered children's home, refused until the
 * director records approval with reasons; the director sees the child on the live list; a
 * missing episode and its return home interview; and a review chaired by the child's IRO.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { addDays, todayInEngland } from '@lantern/core/calendar';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { choice, closeAll, CONTEXT, fillDate, fillPlacement, heading1, signIn, skip, startDemo } from './harness.ts';

describe.skipIf(skip)('Children looked after in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let sw: Page;
  let hos: Page;
  let iro: Page;
  let childId: string;
  let elmLodge: { providerId: string; postcode: string };
  const today = todayInEngland();
  const came = addDays(today, -20);
  const moved = addDays(today, -10);

  beforeAll(async () => {
    ({ server, browser } = await startDemo(120));
    const page = async () => (await browser.newContext(CONTEXT)).newPage();
    sw = await page();
    hos = await page();
    iro = await page();
    for (const p of [sw, hos, iro]) p.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    // A new child for the social worker, and the child's IRO allocated by the head of service.
    const api = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
    childId = (await api.post('/api/children', { givenName: 'Rosa', familyName: 'Carecourt', dateOfBirth: '2012-04-02', sex: 'F' })).body.child.childId;
    const director = client(server, await signInAs(server, 'hos.demo', DEMO_PASSWORD));
    const iroUser = (await client(server, await signInAs(server, 'iro.demo', DEMO_PASSWORD)).get('/api/session')).body.user;
    expect((await director.post(`/api/children/${childId}/allocations`, { workerId: iroUser.workerId, role: 'iro', startDate: came })).status).toBe(201);
    const providers = (await api.get('/api/providers')).body.providers as { providerId: string; name: string; postcode: string }[];
    elmLodge = providers.find((p) => p.name === 'Elm Lodge') as { providerId: string; postcode: string };
  });

  afterAll(() => closeAll(browser, server));

  const section = async (page: Page) => {
    await page.goto(`${server.url}/children/${childId}/looked-after`);
    await heading1(page, /Looked after|Sign in to Lantern/);
  };

  test('a social worker records the child coming into care', async () => {
    await sw.goto(`${server.url}/`);
    await signIn(sw, 'sw.demo');
    await heading1(sw, 'Your work');
    await section(sw);
    await sw.getByRole('link', { name: 'Record the child becoming looked after' }).click();
    await heading1(sw, 'Record the child becoming looked after');
    await fillDate(sw, 'startDate', came);
    await fillPlacement(sw, 'C1', 'U6');
    await choice(sw, 'Is the placement intended to last until the child is 18?', 'No').check();
    await sw.getByRole('button', { name: 'Save' }).click();
    await sw.locator('.govuk-notification-banner--success').filter({ hasText: 'Became looked after' }).waitFor();
    expect(await sw.getByTestId('episodes').locator('tbody tr').count()).toBe(1);
    expect(await sw.getByTestId('lac-deadlines').textContent()).toContain('review');
  });

  test('a move to an unregistered children’s home is refused until the director approves it', async () => {
    const move = async () => {
      await section(sw);
      await sw.getByRole('link', { name: 'Record a change of placement or legal status' }).click();
      await heading1(sw, 'Record a change of placement or legal status');
      await fillDate(sw, 'date', moved);
      await choice(sw, 'Does the placement change?', 'Yes').check();
      await choice(sw, 'Is the new placement with the same carer(s)?', 'No').check();
      await sw.getByLabel('Why the placement changed').selectOption('CARPL');
      await sw.getByLabel('Placement type').selectOption('K2');
      await sw.getByLabel('Who provides the placement (PLACE_PROVIDER)').selectOption('PR4');
      await sw.getByLabel('Provider (from the providers register)').selectOption(elmLodge.providerId);
      await sw.getByLabel('Placement postcode').fill(elmLodge.postcode);
      await sw.getByRole('button', { name: 'Save change' }).click();
    };
    await move();
    await sw.locator('.govuk-error-summary').waitFor();
    expect(await sw.locator('.govuk-error-summary').textContent()).toContain('the director must approve this placement first');

    await hos.goto(`${server.url}/`);
    await signIn(hos, 'hos.demo');
    await hos.getByTestId('signed-in-user').waitFor();
    await section(hos);
    await hos.getByRole('link', { name: 'Approve a placement with an unregistered provider' }).click();
    await heading1(hos, 'Approve a placement with a provider not registered for this care');
    await hos.getByLabel('Provider').selectOption(elmLodge.providerId);
    await hos.getByLabel('Placement type').selectOption('K2');
    await fillDate(hos, 'approvedOn', moved);
    await hos
      .getByLabel('Your reasons, and the safeguards while the child is placed there')
      .fill('No registered home could meet her needs; visits every 7 days.');
    await hos.getByRole('button', { name: 'Record approval' }).click();
    await hos.locator('.govuk-notification-banner--success').filter({ hasText: 'Director’s approval recorded' }).waitFor();

    await move();
    await sw.locator('.govuk-notification-banner--success').filter({ hasText: 'Change recorded' }).waitFor();
    expect(await sw.getByTestId('current-placement').textContent()).toContain('No registered home could meet her needs');
    expect(await sw.getByTestId('lac-deadlines').textContent()).toContain('nregistered');

    await hos.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Children looked after' }).click();
    await heading1(hos, 'Children looked after');
    await hos.getByRole('link', { name: 'Unregistered placements' }).click();
    await heading1(hos, 'Children placed with unregistered providers');
    expect(await hos.getByTestId('unregistered-placements').textContent()).toContain('Rosa Carecourt');
  });

  test('a missing episode and its return home interview', async () => {
    await section(sw);
    await sw.getByRole('link', { name: 'Record a missing or absent episode' }).click();
    await heading1(sw, 'Record a missing or absent episode');
    await choice(sw, 'Missing or away?', 'M: Missing from care (whereabouts unknown)').check();
    await fillDate(sw, 'startedAt', addDays(today, -5));
    await sw.getByLabel('Time the child went missing').fill('21:00');
    await fillDate(sw, 'endedAt', addDays(today, -4));
    await sw.getByLabel('Time the child returned').fill('08:30');
    await sw.getByLabel('What happened').fill('Did not come back after school.');
    await sw.getByRole('button', { name: 'Save' }).click();
    await sw.locator('.govuk-notification-banner--success').filter({ hasText: 'Missing episode recorded' }).waitFor();
    await sw.getByTestId('missing-episodes').getByRole('link', { name: 'Update' }).click();
    await heading1(sw, 'Record the return and the return home interview');
    await fillDate(sw, 'rhiOfferedAt', addDays(today, -3));
    await sw.getByLabel('Time it was offered').fill('10:00');
    await choice(sw, 'Did the child accept the interview?', 'Yes').check();
    await sw.getByLabel('What was learned').fill('She was with an older friend; no exploitation concerns.');
    await sw.getByRole('button', { name: 'Save' }).click();
    await sw.locator('.govuk-notification-banner--success').filter({ hasText: 'Missing episode updated' }).waitFor();
    expect(await sw.getByTestId('missing-episodes').textContent()).toContain('Offered in time, accepted');
  });

  test('the IRO records a review, with the child’s participation and words', async () => {
    await iro.goto(`${server.url}/`);
    await signIn(iro, 'iro.demo');
    await iro.getByTestId('signed-in-user').waitFor();
    await section(iro);
    await iro.getByRole('link', { name: 'Record a review' }).click();
    await heading1(iro, 'Record a looked-after review');
    await fillDate(iro, 'heldOn', addDays(today, -1));
    // Chosen by what it means; the code (PN1) stays on the review for the SSDA903 return.
    await choice(iro, 'How the child took part', 'The child came and spoke for themselves').check();
    await iro.getByLabel('What the child said, in their own words').fill('I want to move somewhere quieter.');
    await fillDate(iro, 'iroContactOn', addDays(today, -2));
    await iro.getByRole('button', { name: 'Save review' }).click();
    await iro.locator('.govuk-notification-banner--success').filter({ hasText: 'Review recorded' }).waitFor();
    const reviews = (await iro.getByTestId('lac-reviews').textContent()) ?? '';
    expect(reviews).toContain('The child came and spoke for themselves');
    expect(reviews).toContain('I want to move somewhere quieter.');
    expect(reviews).not.toContain('PN1');
  });
});
