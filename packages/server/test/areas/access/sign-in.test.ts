/**
 * Signing in with a password: throttling per username and per address (429 with Retry-After,
 * audited, an administrator unlocks), the password rules (NCSC: length and guessability, no
 * composition rules), sessions (Secure cookie on https, idle timeout, sign out everywhere), and a
 * username used in two councils. Runs on both databases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/kernel/auth/passwords.ts';
import { THROTTLE } from '../../../src/kernel/auth/throttle.ts';
import { DEMO_PASSWORD } from '../../../src/seed/generate.ts';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let ids: FixtureIds;
let admin: Client;
const OTHER_LA = 'E08000025';

// Each test signs in from its own address (as a proxy in front would say), so one test's
// failures do not slow another's.
process.env.LANTERN_TRUST_PROXY = '1';

const attempt = (username: string, password: string, from: string, extra: Record<string, unknown> = {}) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username, password, ...extra }),
  });

/** Time passes: whatever wait the throttle set is over (the failures are still counted). */
const waitOver = () =>
  server.store.db
    .updateTable('sign_in_throttle')
    .set({ wait_until: new Date(Date.now() - 1000) })
    .execute();

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  admin = client(server, await signInAs(server, 'admin', FIXTURE_PASSWORD));
  // A second council with its own 'sw' (same username, its own password) and a 'shared' user
  // whose password is the same in both councils.
  const db = server.store.db;
  await db.insertInto('local_authority').values({ la_code: OTHER_LA, dfe_la_number: '330', name: 'Birmingham' }).execute();
  const hash = await hashPassword('another council entirely');
  const same = await hashPassword(FIXTURE_PASSWORD);
  const user = (la_code: string, username: string, password_hash: string) => ({
    la_code,
    user_id: randomUUID(),
    username,
    display_name: `${username} (${la_code})`,
    role: 'social-worker',
    worker_id: null,
    password_hash,
  });
  await db
    .insertInto('app_user')
    .values([user(OTHER_LA, 'sw', hash), user(OTHER_LA, 'shared', same), user(LA, 'shared', same)])
    .execute();
});
afterAll(() => server?.close());

describe('failed sign-ins are slowed, then locked', () => {
  it('per username: 429 with Retry-After after five failures, locked at ten even for the right password, audited, unlocked by an administrator', async () => {
    const from = '203.0.113.10';
    for (let i = 1; i <= THROTTLE.username.slowAfter; i++) expect((await attempt('tm', `wrong guess ${i}`, from)).status).toBe(401);
    const slowed = await attempt('tm', FIXTURE_PASSWORD, from);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // From another address too: the username is what is slowed.
    expect((await attempt('tm', FIXTURE_PASSWORD, '203.0.113.11')).status).toBe(429);
    for (let i = THROTTLE.username.slowAfter + 1; i <= THROTTLE.username.lockAfter; i++) {
      await waitOver();
      expect((await attempt('tm', `wrong guess ${i}`, from)).status).toBe(401);
    }
    const locked = await attempt('tm', FIXTURE_PASSWORD, from);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(10 * 60);
    expect(((await locked.json()) as { detail: string }).detail).toMatch(/locked/);

    const users = (await admin.get('/api/users')).body.users as { userId: string; username: string; locked: boolean }[];
    const tm = users.find((u) => u.username === 'tm');
    expect(tm?.locked).toBe(true);
    // The administrator lands on it: the account, and the way to unlock it.
    const lockedList = async () =>
      ((await admin.get('/api/work')).body.sections as { id: string; items: { what: string; href: string }[] }[]).find((s) => s.id === 'locked-accounts')
        ?.items;
    expect(await lockedList()).toEqual([expect.objectContaining({ what: 'tm (test) (tm) cannot sign in', href: `/users/${tm?.userId}` })]);
    const trail = (await admin.get(`/api/audit?userId=${tm?.userId}`)).body.events as { action: string }[];
    expect(trail.filter((e) => e.action === 'sign-in-failed')).toHaveLength(THROTTLE.username.lockAfter);
    expect(trail.map((e) => e.action)).toContain('sign-in-locked');

    expect((await admin.post(`/api/users/${tm?.userId}/unlock`, {})).body).toEqual({ unlocked: true });
    expect((await attempt('tm', FIXTURE_PASSWORD, from)).status).toBe(200);
    expect(await lockedList()).toEqual([]);
    const after = (await admin.get(`/api/audit?userId=${tm?.userId}`)).body.events as { action: string }[];
    expect(after[0]?.action).toBe('sign-in');
    const unlocks = ((await admin.get('/api/audit')).body.events as { action: string; recordId: string; username: string }[]).filter(
      (e) => e.action === 'sign-in-unlocked',
    );
    expect(unlocks).toEqual([expect.objectContaining({ recordId: tm?.userId, username: 'admin' })]);
  });

  it('a username that exists nowhere is slowed and locked the same way, so the answer never says which exist', async () => {
    const from = '203.0.113.20';
    for (let i = 1; i <= THROTTLE.username.slowAfter; i++) expect((await attempt('no.such.person', `guess ${i}`, from)).status).toBe(401);
    expect((await attempt('no.such.person', 'guess again', from)).status).toBe(429);
  });

  it('per address: many usernames from one address are slowed at the address', async () => {
    const from = '203.0.113.30';
    for (let i = 1; i <= THROTTLE.address.slowAfter; i++) expect((await attempt(`someone.${i}`, 'not the password', from)).status).toBe(401);
    const res = await attempt('sw', FIXTURE_PASSWORD, from);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    // The same person from elsewhere is not held up.
    expect((await attempt('sw', FIXTURE_PASSWORD, '203.0.113.31', { laCode: LA })).status).toBe(200);
  });
});

describe('passwords: at least 12 characters, not common or guessable, no composition rules', () => {
  const add = (username: string, password: string) => admin.post('/api/users', { username, displayName: 'Pat Example', role: 'social-worker', password });

  it.each(['password1234', '123456789012', '            ', 'qwertyuiopas', 'abcdefghijkl', 'lantern12345'])(
    'refuses %j, naming the field and the rule',
    async (password) => {
      const res = await add(`pat.${randomUUID().slice(0, 8)}`, password);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'password-strength' })]);
    },
  );

  it('refuses fewer than 12 characters', async () => {
    const res = await add('pat.short', 'Xk9#mQ2$vL');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'password' });
  });

  it('accepts the demo password and a few unrelated words, with no rule about digits or symbols', async () => {
    expect((await add('pat.demo', DEMO_PASSWORD)).status).toBe(201);
    expect((await add('pat.words', 'marble kettle orchard')).status).toBe(201);
    await signInAs(server, 'pat.words', 'marble kettle orchard');
  });
});

describe('sessions', () => {
  const session = async (cookie: string) => (await client(server, cookie).get('/api/session')).status;

  it('the cookie is Secure when the public address is https, and not on a plain local address', async () => {
    const plain = await attempt('sw2', FIXTURE_PASSWORD, '198.51.100.1');
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/i);
    process.env.LANTERN_PUBLIC_URL = 'https://lantern.example.gov.uk';
    try {
      const secure = await attempt('sw2', FIXTURE_PASSWORD, '198.51.100.1');
      expect(secure.headers.get('set-cookie')).toMatch(/; Secure/i);
      expect(secure.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      expect(secure.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    } finally {
      delete process.env.LANTERN_PUBLIC_URL;
    }
  });

  it('a session unused for 30 minutes ends; one used within them goes on', async () => {
    const idle = await signInAs(server, 'iro', FIXTURE_PASSWORD);
    const busy = await signInAs(server, 'iro', FIXTURE_PASSWORD);
    expect(await session(idle)).toBe(200);
    const db = server.store.db;
    const rows = await db.selectFrom('user_session').select(['token_hash', 'last_seen_at']).orderBy('created_at', 'desc').limit(2).execute();
    expect(rows).toHaveLength(2);
    // The older of the two was last used 31 minutes ago, the other 29.
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('token_hash', '=', rows[1]?.token_hash as string)
      .execute();
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 29 * 60_000) })
      .where('token_hash', '=', rows[0]?.token_hash as string)
      .execute();
    expect([await session(idle), await session(busy)]).toEqual([401, 200]);
    // The request just made counts as use: the busy one is good for another 30 minutes.
    const seen = await db
      .selectFrom('user_session')
      .select('last_seen_at')
      .where('token_hash', '=', rows[0]?.token_hash as string)
      .executeTakeFirstOrThrow();
    expect(Date.now() - seen.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('ends at the absolute limit however busy', async () => {
    const cookie = await signInAs(server, 'analyst', FIXTURE_PASSWORD);
    await server.store.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where(
        'user_id',
        '=',
        (await server.store.db.selectFrom('app_user').select('user_id').where('username', '=', 'analyst').executeTakeFirstOrThrow()).user_id,
      )
      .execute();
    expect(await session(cookie)).toBe(401);
  });

  it('sign out everywhere ends every session of that user, and no one else’s', async () => {
    const laptop = await signInAs(server, 'hos', FIXTURE_PASSWORD);
    const phone = await signInAs(server, 'hos', FIXTURE_PASSWORD);
    const res = await client(server, phone).delete('/api/sessions');
    expect(res.status).toBe(200);
    expect(res.body.ended).toBeGreaterThanOrEqual(2);
    expect([await session(laptop), await session(phone)]).toEqual([401, 401]);
    expect((await admin.get('/api/users')).status).toBe(200);
  });
});

describe('one username in two councils', () => {
  it('a wrong password gets the same 401 as anywhere: nothing says the username is in two councils', async () => {
    const res = await attempt('shared', 'not the password at all', '192.0.2.1');
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toMatch(/council/i);
  });

  it('the right password in both asks which council, naming them; with the council it signs in there', async () => {
    const res = await attempt('shared', FIXTURE_PASSWORD, '192.0.2.2');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; rule: string }[]; councils: { laCode: string; name: string }[] };
    expect(body.errors[0]).toMatchObject({ field: 'laCode', rule: 'council-required' });
    expect(body.councils).toEqual([
      { laCode: OTHER_LA, name: 'Birmingham' },
      { laCode: LA, name: 'Herefordshire' },
    ]);
    const there = await attempt('shared', FIXTURE_PASSWORD, '192.0.2.2', { laCode: OTHER_LA });
    expect(there.status).toBe(200);
    expect(((await there.json()) as { user: { councilName: string } }).user.councilName).toBe('Birmingham');
  });

  it('where the password is right in only one council it signs in there without asking', async () => {
    const res = await attempt('sw', 'another council entirely', '192.0.2.3');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { laCode: string } }).user.laCode).toBe(OTHER_LA);
    expect((await attempt('sw', FIXTURE_PASSWORD, '192.0.2.3')).status).toBe(200);
  });
});

describe('passwords turned off', () => {
  it('refuses every password sign-in with a plain message', async () => {
    process.env.LANTERN_PASSWORDS = 'off';
    try {
      const res = await attempt('sw', FIXTURE_PASSWORD, '192.0.2.9');
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/council account/);
      expect((await client(server).get('/api/session/options')).body).toEqual({ passwords: false, identityProvider: null });
    } finally {
      delete process.env.LANTERN_PASSWORDS;
    }
    expect(ids.swA).toBeTruthy();
  });
});
