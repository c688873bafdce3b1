/**
 * Signing in, in a real browser: through the council's identity provider (a real OpenID Connect
 * provider in this process, with its own sign-in page), a username used in two councils (the
 * council is asked only after the password is right), and a password an administrator reset.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (never downloads a browser).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../src/kernel/auth/passwords.ts';
import { buildFixture, FIXTURE_PASSWORD, LA } from '../helpers/fixture.ts';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { client, signInAs, type TestServer } from '../helpers/server.ts';
import { expectNoAxeViolations, heading1, skip, startDemo, text } from './harness.ts';

describe.skipIf(skip)('signing in', () => {
  let server: TestServer;
  let provider: TestProvider;
  let browser: Browser;
  let admin: ReturnType<typeof client>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemo());
    await buildFixture(server.store.db);
    provider = await startOidcProvider(server.url);
    Object.assign(process.env, provider.env);
    admin = client(server, await signInAs(server, 'admin', FIXTURE_PASSWORD));
    await admin.post('/api/users', { username: 'ola.manager', displayName: 'Ola Manager', role: 'team-manager', email: 'ola@council.example' });
    // The same username, with the same password, in a second council.
    await server.store.db.insertInto('local_authority').values({ la_code: 'E08000025', dfe_la_number: '330', name: 'Birmingham' }).execute();
    const hash = await hashPassword(FIXTURE_PASSWORD);
    const user = (la_code: string) => ({
      la_code,
      user_id: randomUUID(),
      username: 'sam',
      display_name: 'Sam Both',
      role: 'social-worker',
      worker_id: null,
      password_hash: hash,
    });
    await server.store.db
      .insertInto('app_user')
      .values([user(LA), user('E08000025')])
      .execute();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    for (const key of Object.keys(provider?.env ?? {})) delete process.env[key];
    await provider?.close();
    await server?.close();
  });

  async function signInPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await heading1(page, 'Sign in to Lantern');
    return page;
  }

  test('through the council’s identity provider: its own sign-in page, then back in Lantern with Lantern’s role', async () => {
    const page = await signInPage();
    await page.getByRole('link', { name: 'Sign in with the council’s test account' }).click();
    // The provider's page, on the provider's own address.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('ola');
    await page.locator('input[name="password"]').fill('whatever the provider asks');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/api'));
    await page.getByTestId('signed-in-user').waitFor();
    expect(await text(page, '[data-testid="signed-in-user"]')).toContain('Team manager');
    expect(await text(page, '[data-testid="signed-in-user"]')).toContain('Ola Manager');
  });

  test('someone the provider knows but Lantern does not is told to ask their administrator', async () => {
    const page = await signInPage();
    await page.getByRole('link', { name: /Sign in with/ }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('nobody-here');
    await page.locator('input[name="password"]').fill('x');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(/\/sign-in\?error=not-known/);
    expect(await text(page, '.govuk-error-summary')).toContain('Ask your Lantern administrator to add you');
  });

  test('a username in two councils: the council is asked only once the password is right', async () => {
    const page = await signInPage();
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.getByText('Which council').count()).toBe(0);

    await page.getByLabel('Password', { exact: true }).fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Which council are you signing in to?').waitFor();
    await expectNoAxeViolations(page, 'the sign-in page asking for the council');
    await page.getByLabel('Birmingham').check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await text(page, '.lantern-council')).toBe('Birmingham');
  });

  test('after an administrator’s reset, the temporary password leads straight to choosing a new one', async () => {
    const users = (await admin.get('/api/users')).body.users as { userId: string; username: string }[];
    const iro = users.find((u) => u.username === 'iro');
    expect((await admin.post(`/api/users/${iro?.userId}/password-reset`, { temporaryPassword: 'temporary pelican forest' })).status).toBe(200);
    const page = await signInPage();
    await page.getByLabel('Username').fill('iro');
    await page.getByLabel('Password', { exact: true }).fill('temporary pelican forest');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('New password').waitFor();
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    // The strength rule's own words, beside the field.
    await page.locator('#newPassword-error', { hasText: 'harder to guess' }).waitFor();
    await page.getByLabel('New password').fill('quiet harbour lamplight');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await text(page, '[data-testid="signed-in-user"]')).toContain('Independent reviewing officer');
  });
});
