/**
 * Users and access, in a real browser: an administrator adds a user linked to a worker, which
 * waits for the head of service; the head of service approves it on their page; the
 * administrator resets the password and disables the account, and the person can then no longer
 * sign in. No one disables their own account.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixture, FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import type { TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, heading1, signIn, skip, startDemo, text } from './harness.ts';

const NEW_PASSWORD = 'violet harbour lantern 42';

describe.skipIf(skip)('users and access', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    await buildFixture(server.store.db);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  async function as(username: string, password = FIXTURE_PASSWORD): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, username, password);
    await page.waitForURL((u) => u.pathname !== '/sign-in');
    return page;
  }

  /** Waits for the success banner to say this (a second action replaces the first one's words). */
  const banner = (page: Page, says: string) => page.locator('.govuk-notification-banner__heading', { hasText: says }).waitFor();
  const accountOf = async (page: Page, name: string) =>
    (
      (await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('cell')
        .nth(3)
        .textContent()) ?? ''
    ).trim();

  test('a login linked to a worker waits for the head of service, who approves it; then a reset and a disabling', async () => {
    const admin = await as('admin');
    await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await heading1(admin, 'Users and access');
    await expectNoAxeViolations(admin, 'users list');
    await admin.getByRole('link', { name: 'Add a user' }).click();
    await heading1(admin, 'Add a user');

    // Nothing filled: each field says what it needs.
    await admin.getByRole('button', { name: 'Add user' }).click();
    const summary = await text(admin, '.govuk-error-summary');
    expect(summary).toContain('Enter their full name');
    expect(summary).toContain('Enter a username');
    expect(summary).toContain('Choose a role');

    await admin.getByLabel('Full name').fill('Noor Reviewer');
    await admin.getByLabel('Username').fill('noor.r');
    await admin.getByLabel('Role').selectOption({ label: 'Social worker' });
    const amir = await admin.locator('#workerId option', { hasText: 'Amir' }).getAttribute('value');
    await admin.getByLabel('Worker (optional)').selectOption(amir ?? '');
    expect(await text(admin, '[data-testid="approval-note"]')).toContain('head of service’s approval');
    // A guessable password is refused by the server beside its field.
    await admin.getByLabel(/^Password/).fill('password1234');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await admin.locator('#password-error').waitFor();
    await admin.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await expectNoAxeViolations(admin, 'add a user');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await heading1(admin, 'Users and access');
    await banner(admin, 'The head of service has been asked to approve');
    expect(await accountOf(admin, 'Noor Reviewer')).toContain('Awaiting approval');

    // Until approved, the account cannot sign in.
    const early = await browser.newPage();
    await early.goto(`${server.url}/sign-in`);
    await signIn(early, 'noor.r', NEW_PASSWORD);
    await early.getByText('waiting for a head of service to approve it').first().waitFor();
    await early.close();

    const hos = await as('hos');
    // The head of service lands on the request (their menu stays within eight items).
    await hos.getByRole('link', { name: /A new account for Noor Reviewer/ }).click();
    await heading1(hos, 'Access requests');
    const card = hos.getByRole('region', { name: /Noor Reviewer/ });
    expect(await card.textContent()).toContain('Amir');
    expect(await card.textContent()).toContain('admin (test)');
    await expectNoAxeViolations(hos, 'access requests');
    await card.getByRole('button', { name: /^Approve/ }).click();
    await banner(hos, 'Noor Reviewer now has the role Social worker');
    await hos.getByText('No requests are waiting.').waitFor();

    // The administrator sees it take effect, then resets the password and disables the account.
    await admin.reload();
    expect(await accountOf(admin, 'Noor Reviewer')).toContain('Active');
    await admin.getByRole('link', { name: 'Noor Reviewer' }).click();
    await heading1(admin, 'Noor Reviewer');
    await expectNoAxeViolations(admin, 'one user');
    await admin.getByLabel('Temporary password').fill('amber kestrel window 7');
    await admin.getByRole('button', { name: 'Reset password' }).click();
    await banner(admin, 'must choose a new password');
    await admin.getByRole('button', { name: 'Disable account' }).click();
    await banner(admin, 'can no longer sign in');
    await admin.locator('.govuk-summary-list', { hasText: 'Disabled' }).waitFor();

    const late = await browser.newPage();
    await late.goto(`${server.url}/sign-in`);
    await signIn(late, 'noor.r', 'amber kestrel window 7');
    await late.locator('.govuk-error-summary').waitFor();
    expect(new URL(late.url()).pathname).toBe('/sign-in');
    await late.close();
  });

  test('no one disables their own account: the page says why', async () => {
    const admin = await as('admin');
    await admin.goto(`${server.url}/users`);
    await admin.getByRole('link', { name: 'admin (test)' }).click();
    await admin.getByRole('button', { name: 'Disable account' }).click();
    expect(await text(admin, '.govuk-error-summary')).toContain('No one disables their own account');
  });

  test('a social worker is told the users page is not for their role', async () => {
    const sw = await as('sw');
    await sw.goto(`${server.url}/users`);
    await heading1(sw, 'This page is not for your role');
    expect(await sw.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);
  });
});
