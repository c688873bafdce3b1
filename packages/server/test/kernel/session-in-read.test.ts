/**
 * The child's record carries the session's check in its own statement (kernel/auth/sessions.ts,
 * liveSession): a request starts from the user its cookie last signed in, and the statement finds
 * the record, and writes its read row, only while the session is live and signs in that same user.
 * The landing page carries it in the statement writing its read row, and answers only when that
 * row was written; the search in the statement writing its audit rows. Each case here first opens the page once (so the server remembers the session), then changes
 * the session or the user behind the server's back, and expects exactly what a session checked the
 * usual way gives: 401 with no read row and the session removed, or the answer a fresh sign-in gets.
 * Runs on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../helpers/fixture.ts';
import { client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let ids: FixtureIds;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
});
afterAll(() => server?.close());

const db = () => server.store.db;

/** A page whose statement confirms the session, and the read rows it writes for a user (a search's: the child it showed). */
type Target = { name: string; path: () => string; action: 'read' | 'search'; recordType: string; childId: () => string | null };
const TARGETS: Target[] = [
  { name: 'the child’s record', path: () => `/api/children/${ids.childA}`, action: 'read', recordType: 'child', childId: () => ids.childA },
  { name: 'the landing page', path: () => '/api/work', action: 'read', recordType: 'landing-page', childId: () => null },
  { name: 'the search', path: () => '/api/children?q=Lambert', action: 'search', recordType: 'child', childId: () => ids.childA },
];

/** The read rows of the page written for a user. */
const readRows = async (username: string, target: Target) =>
  Number(
    (
      await db()
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('username', '=', username)
        .where('action', '=', target.action)
        .where('record_type', '=', target.recordType)
        .where('child_id', 'is not distinct from', target.childId())
        .executeTakeFirstOrThrow()
    ).n,
  );

const userId = async (username: string) =>
  (await db().selectFrom('app_user').select('user_id').where('username', '=', username).executeTakeFirstOrThrow()).user_id;

/** Signed in and the page opened once: the server now assumes this session on the page's route. */
async function opened(username: string, target: Target) {
  const cookie = await signInAs(server, username, FIXTURE_PASSWORD);
  const first = await client(server, cookie).get(target.path());
  expect(first.status).toBe(200);
  const [session] = await db()
    .selectFrom('user_session')
    .select('token_hash')
    .where('user_id', '=', await userId(username))
    .orderBy('created_at', 'desc')
    .limit(1)
    .execute();
  return { cookie, tokenHash: session?.token_hash as string, open: () => client(server, cookie).get(target.path()) };
}

const sessionRows = async (tokenHash: string) =>
  (await db().selectFrom('user_session').select('token_hash').where('token_hash', '=', tokenHash).execute()).length;

describe.each(TARGETS)('$name', (target) => {
  describe('a session ended since the server last saw it: 401, no read row, the session removed', () => {
    it.each([
      ['past its absolute limit', { expires_at: new Date(Date.now() - 1000) }],
      ['idle for 31 minutes', { last_seen_at: new Date(Date.now() - 31 * 60_000) }],
    ])('%s', async (_, change) => {
      const { tokenHash, open } = await opened('tm', target);
      await db().updateTable('user_session').set(change).where('token_hash', '=', tokenHash).execute();
      const before = await readRows('tm', target);
      expect((await open()).status).toBe(401);
      expect(await readRows('tm', target)).toBe(before);
      expect(await sessionRows(tokenHash)).toBe(0);
    });

    it('signed out', async () => {
      const { cookie, open } = await opened('tm', target);
      expect((await client(server, cookie).delete('/api/session')).status).toBeLessThan(300);
      const before = await readRows('tm', target);
      expect((await open()).status).toBe(401);
      expect(await readRows('tm', target)).toBe(before);
    });

    it.each([
      ['disabled', { disabled_at: new Date() }],
      ['awaiting approval', { awaiting_approval: true }],
      ['to reset the password', { password_reset_required: true }],
    ])('the user %s', async (_, change) => {
      const { tokenHash, open } = await opened('sw', target);
      await db().updateTable('app_user').set(change).where('username', '=', 'sw').execute();
      try {
        const before = await readRows('sw', target);
        expect((await open()).status).toBe(401);
        expect(await readRows('sw', target)).toBe(before);
        expect(await sessionRows(tokenHash)).toBe(0);
      } finally {
        await db()
          .updateTable('app_user')
          .set({ disabled_at: null, awaiting_approval: false, password_reset_required: false })
          .where('username', '=', 'sw')
          .execute();
      }
    });
  });

  describe('a live session', () => {
    it('used over a minute ago is noted as used now, and the read written once', async () => {
      const { tokenHash, open } = await opened('tm', target);
      await db()
        .updateTable('user_session')
        .set({ last_seen_at: new Date(Date.now() - 5 * 60_000) })
        .where('token_hash', '=', tokenHash)
        .execute();
      const before = await readRows('tm', target);
      expect((await open()).status).toBe(200);
      expect(await readRows('tm', target)).toBe(before + 1);
      const seen = await db().selectFrom('user_session').select('last_seen_at').where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
      expect(Date.now() - seen.last_seen_at.getTime()).toBeLessThan(60_000);
    });

    it.each([
      ['moved to another team', async () => void (await db().updateTable('worker').set({ team_id: ids.teamB }).where('worker_id', '=', ids.tmA).execute())],
      [
        'given a role that may not read records',
        async () => void (await db().updateTable('app_user').set({ role: 'administrator' }).where('username', '=', 'tm').execute()),
      ],
      ['renamed', async () => void (await db().updateTable('app_user').set({ display_name: 'Tom Renamed' }).where('username', '=', 'tm').execute())],
    ])('whose user was %s answers as a fresh sign-in does, and audits as that user', async (_, change) => {
      const stale = await opened('tm', target);
      const restricted = (cookie: string) => client(server, cookie).get(`/api/children/${ids.childRestricted}`);
      const staleBefore = [(await stale.open()).body, (await restricted(stale.cookie)).status];
      await change();
      try {
        const fresh = await signInAs(server, 'tm', FIXTURE_PASSWORD);
        const [a, b] = [await stale.open(), await client(server, fresh).get(target.path())];
        expect(a.status).toBe(b.status);
        expect(a.body).toEqual(b.body);
        expect((await restricted(stale.cookie)).status).toBe((await restricted(fresh)).status);
        expect([(await stale.open()).body, (await restricted(stale.cookie)).status]).toEqual([b.body, (await restricted(fresh)).status]);
        // The read rows name the user as they now are.
        const rows = await db()
          .selectFrom('audit_event')
          .select(['user_role', 'username'])
          .where('action', '=', target.action)
          .where('record_type', '=', target.recordType)
          .where('username', '=', 'tm')
          .orderBy('occurred_at', 'desc')
          .limit(1)
          .execute();
        const role = (await db().selectFrom('app_user').select('role').where('username', '=', 'tm').executeTakeFirstOrThrow()).role;
        if (a.status === 200) expect(rows[0]?.user_role).toBe(role);
        expect(staleBefore[0]).toBeTruthy();
      } finally {
        await db().updateTable('worker').set({ team_id: ids.teamA }).where('worker_id', '=', ids.tmA).execute();
        await db().updateTable('app_user').set({ role: 'team-manager', display_name: 'tm (test)' }).where('username', '=', 'tm').execute();
      }
    });
  });
});
