import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUsers, FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

/**
 * The council every permissions test runs over (each file its own): the fixture's people, a
 * partner agency and its officer, the IRO manager, the legal adviser and the fostering service,
 * each signed in. Each role reaches only what it should: role × relationship to the child × sensitivity.
 */
export let server: TestServer;
export let ids: FixtureIds;
export const as: Record<string, ReturnType<typeof client>> = {};
export const roles = ['sw', 'sw2', 'tm', 'iro', 'irom', 'hos', 'analyst', 'admin', 'partner', 'legal', 'ssw', 'ftm'] as const;
export const partner = { org: randomUUID(), otherOrg: randomUUID(), openA: randomUUID() };

/**
 * A housing partner with a user ('partner'), and requests to it: open about childA; answered
 * about childB; withdrawn about childUnallocated; open about childRestricted (written straight
 * to the database, since Lantern refuses to send one). Another agency has an open one about childB.
 */
async function addPartnerFixture(db: TestServer['store']['db'], children: FixtureIds) {
  await db
    .insertInto('partner_organisation')
    .values([
      { la_code: LA, organisation_id: partner.org, name: 'Wye Valley Homes', partner_type: 'housing' },
      { la_code: LA, organisation_id: partner.otherOrg, name: 'West Mercia Police', partner_type: 'police' },
    ])
    .execute();
  await addUsers(db, { username: 'partner', role: 'partner', displayName: 'Housing officer (test)', partnerOrganisationId: partner.org });
  const request = (
    child_id: string,
    organisation_id: string,
    closed: Partial<{ answered_on: string; answer: string; withdrawn_on: string; withdrawn_reason: string }> = {},
    request_id = randomUUID(),
  ) => ({
    la_code: LA,
    request_id,
    child_id,
    organisation_id,
    request_type: 'housing-assessment',
    asked: 'Assess for a move',
    need_to_know: 'Overcrowded',
    sent_on: '2026-11-02',
    respond_by: '2026-11-16',
    requested_by: randomUUID(),
    ...closed,
  });
  await db
    .insertInto('partner_request')
    .values([
      request(children.childA, partner.org, {}, partner.openA),
      request(children.childB, partner.org, { answered_on: '2026-11-05', answer: 'Done' }),
      request(children.childUnallocated, partner.org, { withdrawn_on: '2026-11-04', withdrawn_reason: 'Moved away' }),
      request(children.childRestricted, partner.org),
      request(children.childB, partner.otherOrg),
    ])
    .execute();
}

/** Starts the council before the file's tests and closes it after. */
export function usePermissionsCouncil() {
  beforeAll(async () => {
    ({ server, ids } = await startFixtureServer());
    await addPartnerFixture(server.store.db, ids);
    // The IRO manager (a role of its own) allocates IROs; the council's legal adviser reads and records
    // legal steps only; the fostering service has a supervising social worker and its team manager.
    await addUsers(
      server.store.db,
      { username: 'irom', role: 'iro-manager', displayName: 'IRO manager (test)' },
      { username: 'legal', role: 'legal-adviser', displayName: 'Legal adviser (test)' },
      { username: 'ssw', role: 'supervising-social-worker', displayName: 'ssw' },
      { username: 'ftm', role: 'fostering-team-manager', displayName: 'ftm' },
    );
    for (const r of roles) as[r] = client(server, await signInAs(server, r, FIXTURE_PASSWORD));
  });
  afterAll(() => server?.close());
}

export const status = async (who: (typeof roles)[number], method: 'get' | 'patch' | 'post', path: string, body?: unknown) => {
  const c = as[who] as ReturnType<typeof client>;
  const res = method === 'get' ? await c.get(path) : method === 'patch' ? await c.patch(path, body) : await c.post(path, body);
  return res.status;
};

/**
 * One request made as each role in the table; each gets the status shown. The title names the
 * request as the table's rows are read: "%s listing users gets %i".
 */
export function eachRoleGets(
  title: string,
  expected: Partial<Record<(typeof roles)[number], number>>,
  request: (who: (typeof roles)[number]) => Promise<number | number[]>,
) {
  const rows = Object.entries(expected) as [(typeof roles)[number], number][];
  it.each(rows)(title, async (who, status) => {
    // A row may make more than one request: each gets the status.
    for (const got of [await request(who)].flat()) expect(got).toBe(status);
  });
}
