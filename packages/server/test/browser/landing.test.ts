/**
 * The landing pages in a real browser over a seeded demo council: each role signs in and finds
 * its lists, each count the API's; axe finds nothing serious on any; at 390 px nothing scrolls
 * sideways. Then a referral is followed from the front door to the receiving team manager's
 * landing page, their allocation, and the worker's landing page.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { todayInEngland } from '@lantern/core/calendar';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, expectNoAxeViolations, heading1, newPage, signIn, skip, startDemo } from './harness.ts';

const WIDE = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;
const NARROW = { viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London' } as const;

const LANDINGS = [
  ['sw.demo', 'Your work'],
  ['tm.demo', 'Your team’s work'],
  ['fd.demo', 'The front door'],
  ['iro.demo', 'Your reviews'],
  ['irom.demo', 'The reviewing service'],
  ['hos.demo', 'The service today'],
  ['partner.demo', 'Requests to you'],
] as const;

type Section = { id: string; total: number };

describe.skipIf(skip)('Landing pages in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(150));
  });
  afterAll(() => closeAll(browser, server));

  /** The worker record a demo user signs in as: who they are and their team. */
  const workerOf = (username: string) =>
    server.store.db
      .selectFrom('app_user as u')
      .innerJoin('worker as w', 'w.worker_id', 'u.worker_id')
      .select(['w.worker_id', 'w.team_id', 'w.given_name', 'w.family_name'])
      .where('u.username', '=', username)
      .executeTakeFirstOrThrow();

  async function landOn(username: string, heading: string, context: typeof WIDE | typeof NARROW = WIDE): Promise<Page> {
    const page = await newPage(browser, context);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, username);
    await heading1(page, heading);
    return page;
  }

  test.each(LANDINGS)('%s lands on “%s”, each list’s count the API’s, with no serious axe violation, usable at 390 px', async (username, heading) => {
    const api = client(server, await signInAs(server, username, DEMO_PASSWORD));
    const expected = (await api.get('/api/work')).body as { sections: Section[] };
    expect(expected.sections.length).toBeGreaterThan(0);
    const page = await landOn(username, heading);
    for (const s of expected.sections) {
      const shown = page.locator(`section#${s.id}`);
      expect(await shown.getAttribute('data-total'), `${username} ${s.id}`).toBe(String(s.total));
      expect(await shown.locator('h2').textContent()).toContain(`(${s.total})`);
      // A page of at most ten, never a silent cut: more than ten means a next page.
      expect(await shown.locator('.lantern-work-item').count()).toBe(Math.min(s.total, 10));
      if (s.total > 10) expect(await shown.getByRole('button', { name: /^Next page/ }).count()).toBe(1);
    }
    await expectNoAxeViolations(page, `${username}’s landing page`);
    await page.context().close();

    const narrow = await landOn(username, heading, NARROW);
    // Evaluated in the page (a string, as the tests compile without the DOM's types).
    const width = (await narrow.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as {
      scroll: number;
      client: number;
    };
    expect(width.scroll, `${username} at 390 px`).toBeLessThanOrEqual(width.client);
    await narrow.context().close();
  });

  test('a list pages through every item', async () => {
    const api = client(server, await signInAs(server, 'hos.demo', DEMO_PASSWORD));
    const sections = ((await api.get('/api/work')).body as { sections: Section[] }).sections;
    const long = sections.find((s) => s.total > 10);
    if (!long) return;
    const page = await landOn('hos.demo', 'The service today');
    const list = page.locator(`section#${long.id}`);
    await list.getByRole('button', { name: /^Next page/ }).click();
    await list.getByText(`Showing 11 to ${Math.min(20, long.total)} of ${long.total}`).waitFor();
    await page.context().close();
  });

  test('a referral goes from the front door to the receiving team manager, who allocates; the worker sees it', async () => {
    const db = server.store.db;
    const fdApi = client(server, await signInAs(server, 'fd.demo', DEMO_PASSWORD));
    const tm = await workerOf('tm.demo');
    const team = await db
      .selectFrom('team')
      .select('name')
      .where('team_id', '=', tm.team_id as string)
      .executeTakeFirstOrThrow();
    const sw = await workerOf('sw.demo');
    // A new child with a contact waiting for the front door.
    const familyName = `Routed${Date.now() % 100000}`;
    const created = await fdApi.post('/api/children', { givenName: 'Robin', familyName, dateOfBirth: '2016-04-02', sex: 'F', ethnicity: 'WBRI' });
    expect(created.status).toBe(201);
    const childId = created.body.child.childId as string;
    const contact = await fdApi.post(`/api/children/${childId}/contacts`, {
      // A minute ago: a fixed hour of today is still to come in the early morning (and refused).
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      source: '1A',
      presentingConcern: 'Neighbour reports the child left alone overnight',
    });
    expect(contact.status).toBe(201);

    // The front door sees the contact with its clock, decides, and routes the child to tm.demo's team.
    const fd = await landOn('fd.demo', 'The front door');
    const item = fd.locator('section#contacts li', { hasText: `Robin ${familyName}` });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/hours? left|past the deadline/);
    await item.getByRole('link').click();
    await fd.getByLabel(/Referral to children/).check();
    await fd.getByLabel('Primary need').selectOption('N1');
    const teamSelect = fd.getByLabel('Team the child goes to');
    await teamSelect
      .locator('option', { hasText: `${team.name} – ` })
      .first()
      .waitFor({ state: 'attached' });
    const teamOption = (await teamSelect.locator('option').allTextContents()).find((o) => o.startsWith(`${team.name} – `)) as string;
    expect(teamOption).toMatch(/\d+ (child|children), \d+ awaiting allocation$/);
    await teamSelect.selectOption({ label: teamOption });
    await fd.getByLabel('Reasons for the decision').fill('Left alone overnight: needs an assessment');
    await fd.getByRole('button', { name: 'Save decision' }).click();
    await fd.getByText(new RegExp(`goes to ${team.name}`)).waitFor();
    await fd.context().close();

    // The receiving manager sees the child at once, and allocates sw.demo from the child's page.
    const manager = await landOn('tm.demo', 'Your team’s work');
    const toAllocate = manager.locator('section#to-allocate');
    await toAllocate.getByRole('link', { name: new RegExp(`Robin ${familyName}`) }).click();
    await heading1(manager, new RegExp(`Robin ${familyName}`));
    const workerSelect = manager.getByLabel('Worker', { exact: true });
    await workerSelect.locator('option', { hasText: ' – ' }).first().waitFor({ state: 'attached' });
    const options = await workerSelect.locator('option').allTextContents();
    // Only the manager's own team is offered.
    const teamWorkers = await db
      .selectFrom('worker')
      .select(['given_name', 'family_name'])
      .where('team_id', '=', tm.team_id as string)
      .execute();
    const names = teamWorkers.map((w) => `${w.given_name} ${w.family_name}`);
    for (const o of options.filter((x) => x.includes(' – ')))
      expect(
        names.some((n) => o.startsWith(`${n} – `)),
        o,
      ).toBe(true);
    expect(options.some((o) => o.startsWith(`${sw.given_name} ${sw.family_name} – `))).toBe(true);
    await manager
      .getByLabel('Worker', { exact: true })
      .selectOption({ label: options.find((o) => o.startsWith(`${sw.given_name} ${sw.family_name} – `)) as string });
    await manager.getByRole('button', { name: 'Allocate worker' }).click();
    await manager.getByText(`${sw.given_name} ${sw.family_name} is allocated to Robin ${familyName}`).waitFor();
    await manager.context().close();

    // The worker finds the child among their new allocations.
    const worker = await landOn('sw.demo', 'Your work');
    await worker.locator('section#new-allocations').getByText(`Robin ${familyName}`).waitFor();
    await worker.context().close();
  });

  test('the day’s work’s forms: a closure sent, returned and sent again; a transfer declined with a reason; an IRO allocated', async () => {
    const db = server.store.db;
    const sw = await workerOf('sw.demo');
    // A child sw.demo holds with an open case and no protection plan, nothing sent to a manager yet.
    const held = await db
      .selectFrom('allocation as a')
      .innerJoin('cin_episode as e', (j) => j.onRef('e.child_id', '=', 'a.child_id').on('e.closure_date', 'is', null))
      .innerJoin('person as p', 'p.person_id', 'a.child_id')
      .select(['a.child_id', 'p.given_name', 'p.family_name'])
      .where('a.worker_id', '=', sw.worker_id)
      .where('a.end_date', 'is', null)
      .where('a.allocation_role', '=', 'social-worker')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cp_plan as cp').select('cp.plan_id').whereRef('cp.child_id', '=', 'a.child_id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cla_episode as c').select('c.cla_episode_id').whereRef('c.child_id', '=', 'a.child_id'))))
      .orderBy('p.family_name')
      .executeTakeFirstOrThrow();
    const name = `${held.given_name} ${held.family_name}`;

    // The worker sends a step-down from the child's page.
    const worker = await landOn('sw.demo', 'Your work');
    await worker.goto(`${server.url}/children/${held.child_id}`);
    await worker.getByRole('link', { name: /Send a closure or step-down to your manager/ }).click();
    await heading1(worker, 'Send a closure or step-down to your manager');
    await worker.getByLabel(/Step down to early help/).check();
    await worker.getByLabel('Reason the case would close').selectOption('RC9');
    await worker.getByLabel('Why: what your manager reads first').fill('The family hub can hold this now');
    await worker.getByRole('button', { name: 'Send to your manager' }).click();
    await worker.getByText('Sent to your manager for a decision.').waitFor();

    // The manager finds it on their landing page, and returns it with reasons (none first: refused, saying why).
    const manager = await landOn('tm.demo', 'Your team’s work');
    const closures = manager.locator('section#decide-closures');
    await closures.getByRole('link', { name: new RegExp(`${name}: Step-down to early help`) }).click();
    await heading1(manager, 'Decide on work sent to you');
    await manager.getByText('The family hub can hold this now', { exact: false }).waitFor();
    await manager.getByLabel('No').check();
    await manager.getByRole('button', { name: 'Record your decision' }).click();
    await manager
      .locator('.govuk-error-summary')
      .getByText(/your reasons/i)
      .waitFor();
    await manager.getByLabel('Your reasons').fill('Record the child’s views first');
    await manager.getByRole('button', { name: 'Record your decision' }).click();
    await manager.getByText('Your decision is recorded.').waitFor();
    await manager.goto(`${server.url}/`);
    await heading1(manager, 'Your team’s work');
    expect(await manager.locator('section#decide-closures').getByText(name).count()).toBe(0);

    // The worker sees it returned until they send it again, the form filled in as they left it.
    await worker.goto(`${server.url}/`);
    await heading1(worker, 'Your work');
    await worker
      .locator('section#returned')
      .getByRole('link', { name: new RegExp(`${name}: Step-down to early help returned`) })
      .click();
    await worker.getByText('Record the child’s views first', { exact: false }).waitFor();
    expect(await worker.getByLabel('Why: what your manager reads first').inputValue()).toBe('The family hub can hold this now');
    await worker.getByLabel('The child’s own words about the case closing').fill('I like going to the hub');
    await worker.getByRole('button', { name: 'Send to your manager' }).click();
    await worker.getByText('Sent to your manager for a decision.').waitFor();
    await worker.goto(`${server.url}/`);
    await heading1(worker, 'Your work');
    expect(await worker.locator('section#returned').getByText(name).count()).toBe(0);
    await worker.context().close();

    // The manager offers the case to another team; the head of service, answering for it, must give a reason to decline.
    await manager.goto(`${server.url}/children/${held.child_id}`);
    await manager.getByRole('link', { name: /Ask another team to take the case/ }).click();
    await heading1(manager, 'Ask another team to take the case');
    const teamSelect = manager.getByLabel('Which team?');
    const teams = (await teamSelect.locator('option').allTextContents()).filter((o) => / children, \d+ awaiting a worker$/.test(o));
    expect(teams.length).toBeGreaterThan(0);
    await teamSelect.selectOption({ label: teams[0] as string });
    await manager.getByLabel('Why this team should take the case').fill('The family moved across the county');
    await manager.getByRole('button', { name: 'Ask the team' }).click();
    await manager.getByText('The team’s manager has been asked to take the case.').waitFor();
    await manager.context().close();
    const head = await landOn('hos.demo', 'The service today');
    await head.goto(`${server.url}/children/${held.child_id}`);
    await head.getByRole('link', { name: /Answer the transfer offered to your team/ }).click();
    await head.getByText('The family moved across the county', { exact: false }).waitFor();
    await head.getByLabel('No').check();
    await head.getByRole('button', { name: 'Send the answer' }).click();
    await head.locator('.govuk-error-summary').getByText('Say why the team cannot take the case').waitFor();
    await head.getByLabel('Your reasons').fill('That team is closed to new cases this month');
    await head.getByRole('button', { name: 'Send the answer' }).click();
    await head.getByText('Your answer to the transfer is recorded.').waitFor();
    await head.context().close();

    // The IRO manager allocates an IRO to a child on their list.
    const irom = await landOn('irom.demo', 'The reviewing service');
    const without = irom.locator('section#without-iro');
    const first = without.locator('.lantern-work-item a').first();
    const child = (await first.textContent())?.split(':')[0] ?? '';
    const before = Number(await without.getAttribute('data-total'));
    await first.click();
    await heading1(irom, 'Allocate an independent reviewing officer');
    const iroSelect = irom.getByLabel('Which IRO?');
    const iros = (await iroSelect.locator('option').allTextContents()).filter((o) => / children$/.test(o));
    await iroSelect.selectOption({ label: iros[0] as string });
    const today = todayInEngland().split('-');
    await irom.getByLabel('Day').fill(String(Number(today[2])));
    await irom.getByLabel('Month').fill(String(Number(today[1])));
    await irom.getByLabel('Year').fill(today[0] as string);
    await irom.getByRole('button', { name: 'Allocate the IRO' }).click();
    await irom.getByText('The IRO is allocated.').waitFor();
    expect(await irom.getByTestId('child-status').textContent()).toContain(`IRO ${(iros[0] as string).split(/[,:]/)[0]}`);
    await irom.goto(`${server.url}/`);
    await heading1(irom, 'The reviewing service');
    expect(Number(await irom.locator('section#without-iro').getAttribute('data-total'))).toBe(before - 1);
    expect(child).not.toBe('');
    await irom.context().close();
  }, 180_000);
});
