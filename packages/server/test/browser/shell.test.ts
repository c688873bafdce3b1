/**
 * The web app in a real browser, against a real server over a seeded demo council: a social
 * worker signs in, finds a child, reads their record, adds a case note, adds a new child past
 * the possible-match check, and signs out; an administrator finds no children's records open
 * to them. axe checks the main pages for accessibility problems.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser). Without it the suite
 * is skipped, except under CI=true, where it fails.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/generate.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { closeAll, expectNoAxeViolations, heading1, longDate, menuLinks, SOCIAL_WORKER_MENU, signIn, skip, startDemo, text } from './harness.ts';

const SCREENSHOT = '/tmp/lantern-child.png';

type PickedChild = { childId: string; laChildId: string; givenName: string; familyName: string; dateOfBirth: string };

/**
 * A child sw.demo holds, with a date of birth and family recorded, whose family name finds them
 * on the first page of search results.
 */
async function pickChild(server: TestServer): Promise<PickedChild> {
  const db = server.store.db;
  const sw = await db.selectFrom('app_user').select(['la_code', 'worker_id']).where('username', '=', 'sw.demo').executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('person as p')
    .innerJoin('allocation as a', (j) => j.onRef('a.la_code', '=', 'p.la_code').onRef('a.child_id', '=', 'p.person_id'))
    .select(['p.person_id', 'p.la_child_id', 'p.given_name', 'p.family_name', 'p.date_of_birth'])
    .where('p.la_code', '=', sw.la_code)
    .where('p.is_child', '=', true)
    .where('p.restricted', '=', false)
    .where('p.date_of_birth', 'is not', null)
    .where('a.end_date', 'is', null)
    .where('a.worker_id', '=', sw.worker_id ?? '00000000-0000-0000-0000-000000000000')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('relationship as r').select('r.relationship_id').whereRef('r.la_code', '=', 'p.la_code').whereRef('r.person_id', '=', 'p.person_id'),
      ),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  expect(rows.length, 'sw.demo holds children with family recorded').toBeGreaterThan(0);
  const api = client(server, await signInAs(server, 'sw.demo', DEMO_PASSWORD));
  for (const r of rows) {
    if (/\s/.test(r.family_name)) continue;
    const found = await api.get(`/api/children?q=${encodeURIComponent(r.family_name)}`);
    if (found.status === 200 && found.body.total <= 25 && found.body.results.some((c: { childId: string }) => c.childId === r.person_id)) {
      return {
        childId: r.person_id,
        laChildId: r.la_child_id ?? '',
        givenName: r.given_name,
        familyName: r.family_name,
        dateOfBirth: r.date_of_birth as string,
      };
    }
  }
  throw new Error('No child held by sw.demo can be found by family name alone');
}

describe.skipIf(skip)('Lantern in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let child: PickedChild;
  let url: string;

  beforeAll(async () => {
    ({ server, browser } = await startDemo(200));
    url = server.url;
    child = await pickChild(server);
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  });

  afterAll(() => closeAll(browser, server));

  test('a wrong password shows the error summary; the right one signs in and shows who is signed in', async () => {
    await page.goto(`${url}/`);
    await page.waitForURL(/\/sign-in/);
    await heading1(page, 'Sign in to Lantern');
    expect(await page.title()).toBe('Sign in – Lantern');

    await signIn(page, 'sw.demo', 'not-the-password');
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('Enter a correct username and password');
    expect(await text(page, '#password-error')).toContain('Enter a correct username and password');
    expect(await page.title()).toBe('Error: Sign in – Lantern');
    await expectNoAxeViolations(page, 'the sign-in page with an error');

    await signIn(page, 'sw.demo');
    // Everyone lands on their work; finding a child is one click away.
    await heading1(page, 'Your work');
    expect(new URL(page.url()).pathname).toBe('/');
    const user = server.seed?.users.find((u) => u.username === 'sw.demo');
    const header = await text(page, 'header');
    expect(header).toContain('Lantern');
    expect(header).toContain(user?.displayName.replace(/ \(.*\)$/, '') ?? 'sw.demo');
    expect(header).toContain('Social worker');
    expect(header).toContain('Sign out');
    const council = await server.store.db.selectFrom('local_authority').select('name').executeTakeFirstOrThrow();
    expect(header).toContain(council.name);
    expect(await menuLinks(page)).toEqual(SOCIAL_WORKER_MENU);
  });

  test('finds a child by family name', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Find a child' }).click();
    await heading1(page, 'Find a child');
    await page.getByLabel('Search by name, LA child id, UPN, NHS number or date of birth').fill(child.familyName);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#results-heading').waitFor();
    expect(await text(page, '#results-heading')).toMatch(/^\d+ (child|children) found$/);
    const row = page
      .locator('tbody tr', { has: page.getByRole('link', { name: `${child.givenName} ${child.familyName}`, exact: true }) })
      .filter({ hasText: child.laChildId });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(longDate(child.dateOfBirth));
    expect(new URL(page.url()).searchParams.get('q')).toBe(child.familyName);
    await expectNoAxeViolations(page, 'search results');

    await page.getByLabel('Search by name, LA child id, UPN, NHS number or date of birth').fill('Zzyzxnotaname');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'No children found' }).waitFor();
    await page.goBack();
    await row.waitFor();
  });

  test('a child’s page shows identity, family, allocations and the chronology', async () => {
    await page.locator('tbody tr').filter({ hasText: child.laChildId }).getByRole('link').click();
    await heading1(page, new RegExp(`${child.givenName} ${child.familyName}`));
    await page.getByTestId('what-is-due').waitFor();
    expect(page.url()).toBe(`${url}/children/${child.childId}`);
    expect(await page.title()).toBe(`${child.givenName} ${child.familyName} – Lantern`);

    const identity = await text(page, '#identity');
    expect(identity).toContain(child.laChildId);
    expect(identity).toContain(longDate(child.dateOfBirth));
    expect(identity).toMatch(/age \d+ (years?|months?)/);
    expect(identity).toContain('Ethnicity');
    expect(identity).toContain('NHS number');

    const family = page.locator('section[aria-labelledby=family-heading] tbody tr');
    expect(await family.count()).toBeGreaterThan(0);

    const api = page.request;
    const record = await (await api.get(`${url}/api/children/${child.childId}`)).json();
    const allocations = await text(page, 'section[aria-labelledby=allocations-heading]');
    for (const a of record.allocations.current) {
      expect(allocations).toContain(a.roleLabel);
      expect(allocations).toContain(a.worker.name);
    }
    if (record.allocations.past.length) expect(allocations).toContain('Previous workers');
    if (record.socialWorkersLast12Months >= 3) expect(allocations).toContain(`${record.socialWorkersLast12Months} social workers in the last 12 months`);

    // What is due and the status head the page; the history is a page of its own.
    const due = await (await api.get(`${url}/api/children/${child.childId}/due`)).json();
    expect(await page.getByTestId('what-is-due').getAttribute('data-total')).toBe(String(due.due.length));
    await expectNoAxeViolations(page, 'a child’s page');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.getByRole('link', { name: /^History/ }).click();
    await page.locator('#chronology-heading').waitFor();
    const chronology = await (await api.get(`${url}/api/children/${child.childId}/chronology`)).json();
    const items = page.locator('[data-testid=chronology] > li');
    expect(await items.count()).toBe(chronology.entries.length);
    expect(await items.first().textContent()).toContain(chronology.entries[0].summary);
    await expectNoAxeViolations(page, 'a child’s history');
  });

  test('adds a case note, which then heads the chronology', async () => {
    await page.getByRole('button', { name: 'Add case note' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('Enter what happened');
    expect(await text(page, '#summary-error')).toContain('Enter what happened');

    const note = `Home visit: ${child.givenName} seen alone and spoke about school (browser test ${Date.now()}).`;
    await page.getByLabel('Type of note').selectOption('visit');
    await page.getByLabel('What happened').fill(note);
    await page.getByRole('button', { name: 'Add case note' }).click();
    await page.getByText('Case note added').waitFor();
    await page.locator('[data-testid=chronology] > li', { hasText: note }).waitFor();
    const first = await page.locator('[data-testid=chronology] > li').first().textContent();
    expect(first).toContain(note);
    expect(first).toContain('Visit');
    expect(first).toContain('Recorded by');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
  });

  test('an edit made by someone else meanwhile is shown as a conflict, with a way to reload', async () => {
    await page.getByRole('link', { name: /^Back to/ }).click();
    await page.getByRole('link', { name: /Edit details/ }).click();
    await heading1(page, /Edit details of/);
    expect(await page.getByLabel('Given name').inputValue()).toBe(child.givenName);

    // Someone else changes the record after the form was filled.
    const before = await (await page.request.get(`${url}/api/children/${child.childId}`)).json();
    const other = before.child.ethnicity === 'WIRI' ? 'WOTH' : 'WIRI';
    const changed = await page.request.patch(`${url}/api/children/${child.childId}`, { data: { version: before.child.version, ethnicity: other } });
    expect(changed.status()).toBe(200);

    await page.getByLabel('Ethnicity').selectOption('REFU');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('Someone else changed this record');
    await page.getByRole('link', { name: 'Reload the record' }).click();
    await expect.poll(() => page.locator('#ethnicity').inputValue()).toBe(other);
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);

    await page.getByLabel('Ethnicity').selectOption('REFU');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Details saved').waitFor();
    expect(await text(page, '#identity')).toContain('Refused');
  });

  test('adds a child after the possible-match check shows an existing child with the same name and date of birth', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Add a child' }).click();
    await heading1(page, 'Add a child');
    await expectNoAxeViolations(page, 'the add-a-child page');

    // Checked here: nothing entered.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await text(page, '.govuk-error-summary')).toContain('Enter the child’s given name');
    expect(await page.title()).toBe('Error: Add a child – Lantern');

    const [year, month, day] = child.dateOfBirth.split('-');
    await page.locator('#dateOfBirth-day').fill(String(Number(day)));
    await page.locator('#dateOfBirth-month').fill(String(Number(month)));
    await page.locator('#dateOfBirth-year').fill(year as string);
    await page.getByLabel('Female', { exact: true }).check();

    // Checked by the server, shown beside the field: a child no one matches, with an NHS
    // number that fails its check digit, goes straight to the server and comes back refused.
    await page.getByLabel('Given name').fill('Qwertyuiop');
    await page.getByLabel('Family name').fill('Zzyzxnotaname');
    await page.getByLabel('NHS number (optional)').fill('1234567890');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#nhsNumber-error').waitFor();
    const nhsError = await text(page, '#nhsNumber-error');
    expect(await text(page, '.govuk-error-summary')).toContain(nhsError.replace(/^Error:\s*/, ''));
    await page.getByLabel('NHS number (optional)').fill('');

    await page.getByLabel('Given name').fill(child.givenName);
    await page.getByLabel('Family name').fill(child.familyName);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading1(page, 'People already recorded who may be this child');
    const match = page.locator('tbody tr').filter({ hasText: child.laChildId });
    expect(await match.count()).toBe(1);
    expect(await match.textContent()).toContain('Same name and date of birth');
    expect(await match.getByRole('link', { name: /Open record/ }).getAttribute('href')).toBe(`/children/${child.childId}`);
    await expectNoAxeViolations(page, 'the possible matches');

    await page.getByRole('button', { name: 'This is a different child — add them' }).click();
    await page.waitForURL((u) => /^\/children\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(child.childId));
    await heading1(page, new RegExp(`${child.givenName} ${child.familyName}`));
    expect(await text(page, '.govuk-notification-banner')).toContain('has been added');
    expect(await text(page, '#identity')).toContain(longDate(child.dateOfBirth));
    expect(await text(page, '#identity')).toContain('Female');
  });

  test('lists teams, and a team’s workers with their caseloads', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Teams' }).click();
    await heading1(page, 'Teams');
    const teams = page.locator('tbody tr');
    await teams.first().waitFor();
    expect(await teams.count()).toBe(server.seed?.teams ?? (await teams.count()));
    await teams.first().getByRole('link').click();
    await page.getByRole('table', { name: 'Workers and caseloads' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  test('a team manager allocates a new social worker; the one before moves to previous workers', async () => {
    const tm = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    try {
      const p = await tm.newPage();
      await p.goto(`${url}/children/${child.childId}`);
      await p.waitForURL(/\/sign-in\?returnTo=/);
      await signIn(p, 'tm.demo');
      await heading1(p, new RegExp(`${child.givenName} ${child.familyName}`));
      await p.getByRole('heading', { name: 'Allocate a worker' }).waitFor();
      await expectNoAxeViolations(p, 'a child’s page for a team manager');

      const record = await (await p.request.get(`${url}/api/children/${child.childId}`)).json();
      const current = record.allocations.current.find((a: { role: string }) => a.role === 'social-worker');
      const { workers } = await (await p.request.get(`${url}/api/workers?teamId=${current.worker.teamId}`)).json();
      const next = workers.find((w: { jobRole: string; workerId: string }) => w.jobRole === 'social-worker' && w.workerId !== current.worker.workerId);
      expect(next, 'another social worker in the team').toBeTruthy();
      await p.locator('#workerId option').nth(1).waitFor({ state: 'attached' });

      await p.getByRole('button', { name: 'Allocate worker' }).click();
      expect(await text(p, '#workerId-error')).toContain('Choose the worker to allocate');

      await p.getByLabel('Worker', { exact: true }).selectOption(next.workerId);
      await p.getByLabel('Reason (optional)').fill('Transfer within the team');
      await p.getByRole('button', { name: 'Allocate worker' }).click();
      await p.getByText(`${next.name} is allocated to`).waitFor();
      const now = p.getByRole('table', { name: 'Allocated now' });
      await now.getByText(next.name).waitFor();
      expect(await now.textContent()).not.toContain(current.worker.name);
      expect(await p.getByRole('table', { name: 'Previous workers' }).textContent()).toContain(current.worker.name);
    } finally {
      await tm.close();
    }
  });

  test('signs out; the child’s page then asks to sign in again and returns there after', async () => {
    await page.getByRole('link', { name: 'Sign out', exact: true }).click();
    await heading1(page, 'Sign in to Lantern');
    await page.getByText('You have signed out.').waitFor();
    expect((await page.request.get(`${url}/api/session`)).status()).toBe(401);

    await page.goto(`${url}/children/${child.childId}`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await signIn(page, 'sw.demo');
    await heading1(page, new RegExp(child.familyName));
    expect(new URL(page.url()).pathname).toBe(`/children/${child.childId}`);
    await page.getByRole('link', { name: 'Sign out', exact: true }).click();
    await heading1(page, 'Sign in to Lantern');
  });

  test('no role has more than eight menu items: the looked-after lists and the workforce pages are each one item, leading to their links', async () => {
    const menus: Record<string, string[]> = {
      'tm.demo': ['Find a child', 'My work', 'Workforce', 'Performance', 'Improvement plan', 'Add a child', 'Children looked after'],
      'iro.demo': ['Find a child', 'My work', 'Teams', 'Children looked after'],
      'analyst.demo': ['Find a child', 'My work', 'Workforce', 'Performance', 'Improvement plan', 'Partners', 'Returns', 'Children looked after'],
      'hos.demo': ['Find a child', 'My work', 'Workforce', 'Performance', 'Improvement plan', 'Partners', 'Returns', 'Children looked after'],
    };
    for (const [username, menu] of Object.entries(menus)) {
      const c = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      try {
        const p = await c.newPage();
        await p.goto(`${url}/sign-in`);
        await signIn(p, username);
        const nav = p.getByRole('navigation', { name: 'Menu' });
        await nav.getByRole('link').first().waitFor();
        expect(await nav.getByRole('link').allTextContents(), username).toEqual(menu);
        if (username !== 'hos.demo') continue;

        // The director: every looked-after list, each said what it is for, the small ones with a count.
        await nav.getByRole('link', { name: 'Children looked after' }).click();
        await heading1(p, 'Children looked after');
        const links = p.getByTestId('group-links');
        expect(await links.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
          'Missing children',
          'Unregistered placements',
          'IRO concerns',
          'Unaccompanied asylum-seeking children',
          'Care leavers',
          'Providers',
          'Foster carers',
        ]);
        expect(await links.locator('li', { hasText: 'Providers' }).textContent()).toContain('Ofsted registration');
        const placed = (await (await p.request.get(`${url}/api/looked-after/unregistered-placements`)).json()).placements.length;
        await links
          .locator('li', { hasText: 'Unregistered placements' })
          .getByText(`${placed} ${placed === 1 ? 'child' : 'children'} placed now`)
          .waitFor();
        // The IRO's concerns still open, at whatever stage of dispute resolution.
        const concerns = (await (await p.request.get(`${url}/api/iro-escalations`)).json()).length;
        await links
          .locator('li', { hasText: 'IRO concerns' })
          .getByText(`${concerns} ${concerns === 1 ? 'concern' : 'concerns'} open`)
          .waitFor();
        await expectNoAxeViolations(p, 'the children looked after page');
        await links.getByRole('link', { name: 'Missing children' }).click();
        await heading1(p, 'Missing children');
        // The list is still under its menu item.
        expect(await nav.locator('[aria-current=page]').textContent()).toBe('Children looked after');

        await nav.getByRole('link', { name: 'Workforce' }).click();
        await heading1(p, 'Teams and workforce');
        const teams = (await (await p.request.get(`${url}/api/teams`)).json()).teams.length;
        await p.getByTestId('group-links').getByText(`${teams} teams`).waitFor();
        await p.getByRole('link', { name: 'Workforce report' }).click();
        await heading1(p, 'Workforce');
        expect(await nav.locator('[aria-current=page]').textContent()).toBe('Workforce');
        // The old addresses still open their lists.
        await p.goto(`${url}/uasc`);
        await heading1(p, 'Unaccompanied asylum-seeking children');
      } finally {
        await c.close();
      }
    }
  });

  test('an administrator has no access to children’s records', async () => {
    const admin = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const p = await admin.newPage();
      await p.goto(`${url}/`);
      await signIn(p, 'admin.demo');
      await p.getByRole('navigation', { name: 'Menu' }).getByRole('link').first().waitFor();
      await p.goto(`${url}/children`);
      await heading1(p, 'Find a child');
      expect(await text(p, 'main')).toContain('You do not have access to children’s records');
      expect(await p.locator('input#q').count()).toBe(0);
      expect(await menuLinks(p)).toEqual(['Find a child', 'Workforce', 'Performance', 'Improvement plan', 'Partners', 'Providers', 'Users']);
      expect((await p.request.get(`${url}/api/children?q=${encodeURIComponent(child.familyName)}`)).status()).toBe(403);

      // The child's page is not one an administrator's role opens (web/src/pages.ts).
      await p.goto(`${url}/children/${child.childId}`);
      await heading1(p, 'This page is not for your role');
      expect(await text(p, 'main')).not.toContain(child.familyName);
    } finally {
      await admin.close();
    }
  });
});
