/**
 * Signing in through the council's identity provider: a real OpenID Connect provider runs in
 * this process, and Lantern signs people in through it with the authorisation code flow and
 * PKCE. A person is matched to a user an administrator provisioned (by subject, else by email);
 * the role stays Lantern's. Runs on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../../helpers/fixture.ts';
import { cookieBrowser, signInThroughProvider, startOidcProvider, type TestProvider } from '../../helpers/oidc-provider.ts';
import { client, type Client, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let provider: TestProvider;
let admin: Client;

beforeAll(async () => {
  ({ server } = await startFixtureServer());
  admin = client(server, await signInAs(server, 'admin', FIXTURE_PASSWORD));
  provider = await startOidcProvider(server.url);
  Object.assign(process.env, provider.env);
  // Provisioned by the administrator: one known by the provider's subject, one by email only.
  await admin.post('/api/users', { username: 'ola.subject', displayName: 'Ola Subject', role: 'team-manager', oidcSubject: 'ola-0001' });
  await admin.post('/api/users', { username: 'em.mail', displayName: 'Em Mail', role: 'performance-analyst', email: 'Em.Mail@council.example' });
});
afterAll(async () => {
  for (const key of Object.keys(provider?.env ?? {})) delete process.env[key];
  await provider?.close();
  await server?.close();
});

describe('signing in through the identity provider', () => {
  it('says the provider is there, by name', async () => {
    expect((await client(server).get('/api/session/options')).body).toEqual({
      passwords: true,
      identityProvider: { name: 'the council’s test account', start: '/api/session/oidc/start' },
    });
  });

  it('sends the browser to the provider with PKCE (S256), a state and a nonce', async () => {
    const res = await fetch(`${server.url}/api/session/oidc/start`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location') as string);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'lantern-test',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
      scope: 'openid email profile',
    });
    expect(res.headers.get('set-cookie')).toMatch(/lantern_oidc=.*HttpOnly.*SameSite=Lax/i);
  });

  it('a person known by their subject signs in with the role Lantern gave them, and it is audited', async () => {
    const { landedAt, cookie } = await signInThroughProvider(server.url, 'ola-0001');
    expect(new URL(landedAt).pathname).toBe('/');
    expect(cookie).toBeTruthy();
    const me = (await client(server, cookie as string).get('/api/session')).body.user;
    expect(me).toMatchObject({ username: 'ola.subject', role: 'team-manager' });
    const events = (await admin.get(`/api/audit?userId=${me.userId}`)).body.events as { action: string }[];
    expect(events[0]?.action).toBe('sign-in');
  });

  it('a person known by email (any case) signs in', async () => {
    const { cookie } = await signInThroughProvider(server.url, 'em.mail');
    expect((await client(server, cookie as string).get('/api/session')).body.user).toMatchObject({ username: 'em.mail', role: 'performance-analyst' });
  });

  it('someone the provider knows but no administrator provisioned gets no session', async () => {
    const { landedAt, cookie } = await signInThroughProvider(server.url, 'stranger');
    expect(landedAt).toMatch(/\/sign-in\?error=not-known$/);
    expect(cookie).toBeNull();
  });

  it('a disabled user is refused too', async () => {
    const users = (await admin.get('/api/users')).body.users as { userId: string; username: string }[];
    const ola = users.find((u) => u.username === 'ola.subject');
    await admin.post(`/api/users/${ola?.userId}/disable`, {});
    const { landedAt, cookie } = await signInThroughProvider(server.url, 'ola-0001');
    expect(landedAt).toMatch(/error=not-known/);
    expect(cookie).toBeNull();
    await admin.post(`/api/users/${ola?.userId}/enable`, {});
  });

  it('a code brought back to another browser (no matching state and verifier) signs no one in', async () => {
    const { browser } = await signInThroughProvider(server.url, 'em.mail');
    // A second browser starts its own sign-in, then is handed the first one's callback address.
    const thief = cookieBrowser();
    await thief.go(`${server.url}/api/session/oidc/start`);
    const start = await fetch(`${server.url}/api/session/oidc/start`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') as string).searchParams.get('state');
    const forged = await thief.go(`${server.url}/api/session/oidc/callback?code=made-up&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
    expect(forged.at).toMatch(/error=(provider|expired)/);
    expect(thief.cookie(server.url, 'lantern_session')).toBeUndefined();
    expect(browser.cookie(server.url, 'lantern_session')).toBeTruthy();
  });

  it('a provider that cannot be reached sends the person back to the sign-in page with a message, not a server error', async () => {
    process.env.LANTERN_OIDC_ISSUER = 'http://127.0.0.1:9/nothing-here';
    try {
      const res = await fetch(`${server.url}/api/session/oidc/start`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in?error=provider');
    } finally {
      process.env.LANTERN_OIDC_ISSUER = provider.issuer;
    }
  });

  it('with local passwords turned off, the provider still signs people in', async () => {
    process.env.LANTERN_PASSWORDS = 'off';
    try {
      expect(
        (
          await fetch(`${server.url}/api/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'sw', password: FIXTURE_PASSWORD }),
          })
        ).status,
      ).toBe(403);
      const { cookie } = await signInThroughProvider(server.url, 'ola-0001');
      expect((await client(server, cookie as string).get('/api/session')).status).toBe(200);
    } finally {
      delete process.env.LANTERN_PASSWORDS;
    }
  });
});
