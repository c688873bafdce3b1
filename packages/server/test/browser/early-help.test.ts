/**
 * Early help in a real browser: Tom, the team manager, steps Poppy down to early help from her
 * closed child in need episode; Ava names a family support worker at a children's centre as lead
 * professional, with the team around the family. A school rings again: deciding the new contact,
 * the front door sees that Poppy is in early help and who leads it, refers her, and her early help
 * ends as a step-up to children's social care.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser). Without it the suite
 * is skipped, except under CI=true, where it fails.
 */
import { randomUUID } from 'node:crypto';
import { addDays, todayInEngland } from '@lantern/core/calendar';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD, LA } from '../helpers/fixture.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, expectNoAxeViolations, fillDate, heading1, longDate, pageAs, skip, startDemo } from './harness.ts';

const day = (n: number) => addDays(todayInEngland(), n);

describe.skipIf(skip)('Early help in a browser: a step-down and a step-up', () => {
  let server: TestServer;
  let browser: Browser;
  let ids: Awaited<ReturnType<typeof buildFixture>>;
  let sw: ReturnType<typeof client>;
  const centre = randomUUID();

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    ids = await buildFixture(server.store.db);
    const db = server.store.db;
    await db
      .insertInto('partner_organisation')
      .values({ la_code: LA, organisation_id: centre, name: 'Westside Children’s Centre', partner_type: 'voluntary' })
      .execute();
    await db.insertInto('partner_contact').values({ la_code: LA, contact_id: randomUUID(), organisation_id: centre, name: 'Priya Shah' }).execute();
    sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    const tm = client(server, await signInAs(server, 'tm', FIXTURE_PASSWORD));
    // Poppy's child in need episode: referred 90 days ago, closed 30 days ago when the plan had worked.
    expect((await sw.post(`/api/children/${ids.childA}/referrals`, { referralDate: day(-90), source: '1A', primaryNeed: 'N2' })).status).toBe(201);
    const closure = { closureDate: day(-30), reason: 'RC7', reasons: 'The child in need plan worked.', childMetDecider: true, parentsMetDecider: true };
    expect((await tm.post(`/api/children/${ids.childA}/closure`, closure)).status).toBe(200);
  });

  afterAll(() => closeAll(browser, server));

  test('a manager steps Poppy down to early help, and a worker names the lead professional and the team around the family', async () => {
    const tom = await pageAs(browser, server, 'tm', `/children/${ids.childA}`);
    await heading1(tom, 'Poppy Lambert');
    await tom.getByRole('link', { name: 'Early help for Poppy Lambert' }).click();
    await heading1(tom, 'Early help');
    await tom.getByText('Poppy Lambert is not in early help now.').waitFor();
    await tom.getByRole('link', { name: 'Step down to early help' }).click();
    await heading1(tom, 'Step down to early help');
    await tom.getByRole('button', { name: 'Step down to early help' }).click();
    await tom.locator('.govuk-error-summary').waitFor();
    await expectNoAxeViolations(tom, 'the step-down form with errors');
    await tom.getByLabel(/Referred .* closed .*: Case closed after assessment, or services ceased/).check();
    await fillDate(tom, 'startedOn', day(-29));
    await tom
      .getByLabel('Why early help, and what the family agreed to')
      .fill('Mum wants the parenting group to carry on and school to keep an eye on mornings.');
    await tom.getByRole('button', { name: 'Step down to early help' }).click();
    await tom.locator('.govuk-notification-banner--success').filter({ hasText: 'Stepped down to early help' }).waitFor();
    await heading1(tom, 'Early help');
    const open = tom.getByTestId('early-help-open');
    await open.getByText(`In early help since ${longDate(day(-29))}`).waitFor();
    await open.getByText('Stepped down from children’s social care').waitFor();

    const ava = await pageAs(browser, server, 'sw', `/children/${ids.childA}/early-help`);
    await heading1(ava, 'Early help');
    await ava.getByRole('link', { name: 'Name the lead professional and team around the family' }).click();
    await heading1(ava, 'Lead professional and team around the family');
    await ava.getByLabel('Someone at a partner agency', { exact: true }).check();
    await ava.getByLabel('The person at a partner agency (if someone at a partner agency)').selectOption({ label: 'Priya Shah (Westside Children’s Centre)' });
    await ava.getByLabel('The team around the family').fill('Mrs Okoro, designated safeguarding lead, Westside Primary\nKaren Lambert, Mum');
    await ava.getByRole('button', { name: 'Save' }).click();
    await ava.locator('.govuk-notification-banner--success').filter({ hasText: 'Lead professional and team around the family saved' }).waitFor();
    const mine = ava.getByTestId('early-help-open');
    await mine.getByText('Priya Shah (Westside Children’s Centre)').waitFor();
    await mine.getByText('Mrs Okoro, designated safeguarding lead, Westside Primary').waitFor();
    await expectNoAxeViolations(ava, 'the early help page');
  }, 240_000);

  test('a new contact: the front door sees the early help when deciding, refers Poppy, and early help ends as a step-up', async () => {
    const contact = await sw.post(`/api/children/${ids.childA}/contacts`, {
      receivedAt: new Date().toISOString(),
      source: '2A',
      presentingConcern: 'Poppy came to school with a bruise on her arm and would not say how.',
      significantHarmSuspected: false,
    });
    expect(contact.status).toBe(201);
    const ava = await pageAs(browser, server, 'sw', `/children/${ids.childA}/record/contact/${contact.body.contactId}/decision`);
    await heading1(ava, 'Decide what happens with the contact');
    const notice = ava.getByTestId('early-help-notice');
    await notice.getByText(`This child is in early help (since ${longDate(day(-29))})`).waitFor();
    await notice.getByText(/Lead professional: Priya Shah \(Westside Children’s Centre\)/).waitFor();
    await expectNoAxeViolations(ava, 'the contact decision with early help');
    await ava.locator('fieldset').filter({ hasText: 'What happens with the contact?' }).getByLabel("Referral to children's social care").check();
    await ava.getByLabel('Primary need').selectOption('N1');
    await ava.getByLabel('Reasons for the decision').fill('An unexplained bruise while in early help: a social work assessment.');
    await ava.getByRole('button', { name: 'Save decision' }).click();
    await ava.locator('.govuk-notification-banner--success').filter({ hasText: 'Referral recorded' }).waitFor();

    await ava.goto(`${server.url}/children/${ids.childA}/early-help`);
    await heading1(ava, 'Early help');
    await ava.getByText('Poppy Lambert is not in early help now.').waitFor();
    const ended = ava.getByTestId('early-help-ended');
    await ended.getByText(`${longDate(day(-29))} to ${longDate(day(0))}: Stepped up to children’s social care`).waitFor();
    await ended.locator('summary').click();
    await ended
      .getByTestId('step-ups')
      .getByText(/\(while in early help\): Contact: Poppy came to school with a bruise/)
      .waitFor();
  }, 240_000);
});
