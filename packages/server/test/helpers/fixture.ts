import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/kernel/auth/passwords.ts';
import type { Database } from '../../src/kernel/db/schema.ts';

export const FIXTURE_PASSWORD = 'correct horse battery';
export const LA = 'E06000019';

/**
 * A small council built by hand, so each permission test knows exactly who holds what:
 *  - team A (Children in need 1): social worker swA, swA2 and manager tmA; team B: social worker swB;
 *  - an IRO; users for every role;
 *  - childA held by swA (and the IRO), childB held by swB, childUnallocated held by nobody,
 *    childRestricted (restricted) held by swB.
 */
export async function buildFixture(db: Kysely<Database>) {
  const id = () => randomUUID();
  const ids = {
    teamA: id(),
    teamB: id(),
    teamIro: id(),
    swA: id(),
    swA2: id(),
    tmA: id(),
    swB: id(),
    iro: id(),
    childA: id(),
    childB: id(),
    childUnallocated: id(),
    childRestricted: id(),
    mother: id(),
  };
  const hash = await hashPassword(FIXTURE_PASSWORD);
  await db
    .insertInto('local_authority')
    .values({ la_code: LA, dfe_la_number: '884', name: 'Herefordshire' })
    .onConflict((c) => c.doNothing())
    .execute();
  await db
    .insertInto('team')
    .values([
      { la_code: LA, team_id: ids.teamA, name: 'Children in need 1', service: 'Children in need', manager_worker_id: null },
      { la_code: LA, team_id: ids.teamB, name: 'Children in need 2', service: 'Children in need', manager_worker_id: null },
      { la_code: LA, team_id: ids.teamIro, name: 'Independent reviewing', service: 'Quality assurance', manager_worker_id: null },
    ])
    .execute();
  await db
    .insertInto('worker')
    .values([
      fixtureWorker(ids.swA, 'Ava', 'social-worker', ids.teamA),
      fixtureWorker(ids.swA2, 'Amir', 'social-worker', ids.teamA),
      fixtureWorker(ids.tmA, 'Tom', 'team-manager', ids.teamA),
      fixtureWorker(ids.swB, 'Bea', 'social-worker', ids.teamB),
      fixtureWorker(ids.iro, 'Ira', 'iro', ids.teamIro),
    ])
    .execute();
  await db.updateTable('team').set({ manager_worker_id: ids.tmA }).where('team_id', '=', ids.teamA).execute();
  const user = (username: string, role: string, worker_id: string | null) => fixtureUser(username, role, worker_id, hash);
  await db
    .insertInto('app_user')
    .values([
      user('sw', 'social-worker', ids.swA),
      user('sw2', 'social-worker', ids.swB),
      user('tm', 'team-manager', ids.tmA),
      user('iro', 'iro', ids.iro),
      user('hos', 'head-of-service', null),
      user('analyst', 'performance-analyst', null),
      user('admin', 'administrator', null),
    ])
    .execute();
  const child = (person_id: string, n: number, given: string, family: string, dob: string, restricted = false) => ({
    la_code: LA,
    person_id,
    is_child: true,
    la_child_id: `T${n}`,
    given_name: given,
    family_name: family,
    date_of_birth: dob,
    sex: 'F' as const,
    ethnicity: 'WBRI',
    restricted,
  });
  await db
    .insertInto('person')
    .values([
      child(ids.childA, 1, 'Poppy', 'Lambert', '2015-03-12'),
      child(ids.childB, 2, 'Jack', 'Ferris', '2012-07-01'),
      child(ids.childUnallocated, 3, 'Mia', 'Goodwin', '2019-11-30'),
      child(ids.childRestricted, 4, 'Noah', 'Pryce', '2021-02-14', true),
      { la_code: LA, person_id: ids.mother, is_child: false, la_child_id: null, given_name: 'Karen', family_name: 'Lambert', sex: 'F' as const },
    ])
    .execute();
  await db
    .insertInto('relationship')
    .values({
      la_code: LA,
      relationship_id: randomUUID(),
      person_id: ids.childA,
      related_person_id: ids.mother,
      relationship_type: 'mother',
      parental_responsibility: true,
      lives_with: true,
    })
    .execute();
  const allocation = (child_id: string, worker_id: string, role: string, start: string, end: string | null = null) => ({
    la_code: LA,
    allocation_id: randomUUID(),
    child_id,
    worker_id,
    allocation_role: role,
    start_date: start,
    end_date: end,
  });
  await db
    .insertInto('allocation')
    .values([
      allocation(ids.childA, ids.swB, 'social-worker', '2025-01-06', '2025-06-02'),
      allocation(ids.childA, ids.swA, 'social-worker', '2025-06-02'),
      allocation(ids.childA, ids.iro, 'iro', '2025-06-02'),
      allocation(ids.childB, ids.swB, 'social-worker', '2025-02-03'),
      allocation(ids.childRestricted, ids.swB, 'social-worker', '2025-03-03'),
    ])
    .execute();
  return ids;
}

/** A worker of the fixture council (family name Tester, in post since 6 January 2020, full time). */
export const fixtureWorker = (worker_id: string, given: string, job_role: string, team_id: string) => ({
  la_code: LA,
  worker_id,
  given_name: given,
  family_name: 'Tester',
  job_role,
  employment: 'permanent' as const,
  team_id,
  start_date: '2020-01-06',
  fte: 1,
});

/** A sign-in of the fixture council, shown as "username (test)". */
export const fixtureUser = (username: string, role: string, worker_id: string | null, password_hash: string) => ({
  la_code: LA,
  user_id: randomUUID(),
  username,
  display_name: `${username} (test)`,
  role,
  worker_id,
  password_hash,
});

/** Nina Newstart, a newly qualified social worker the administrator adds to a team, permanent, from `startDate`. */
export const ninaNewstart = (teamId: string, startDate: string) => ({
  givenName: 'Nina',
  familyName: 'Newstart',
  jobRole: 'social-worker',
  employment: 'permanent',
  teamId,
  startDate,
});

/** A placement for a child coming into care: a care order, abuse or neglect, a registered children's home (U6). */
export const PLACEMENT = {
  legalStatus: 'C2',
  categoryOfNeed: 'N1',
  placementType: 'U6',
  placementProvider: 'PR1',
  urn: 'SC555555',
  placementPostcode: 'HR2 7AA',
  homePostcode: 'HR1 2AB',
};

/** A children's home as a team manager adds it to the providers register: registered (K2) since 1 April 2019, private (PR4), in Hereford. */
export const registeredChildrensHome = (name: string, urn: string) => ({
  name,
  urn,
  providerKind: 'childrens-home',
  placeProvider: 'PR4',
  registrationStatus: 'registered',
  registeredFor: ['K2'],
  registeredFrom: '2019-04-01',
  postcode: 'HR4 9AB',
});

/** A sign-in a test adds to the fixture council for a role of its own, with the fixture's password. */
export type ExtraUser = { username: string; role: string; displayName?: string; workerId?: string | null; partnerOrganisationId?: string };

/** Adds sign-ins to the fixture council (display name "username (test)" unless given). */
export async function addUsers(db: Kysely<Database>, ...users: ExtraUser[]) {
  const hash = await hashPassword(FIXTURE_PASSWORD);
  await db
    .insertInto('app_user')
    .values(
      users.map((u) => ({
        ...fixtureUser(u.username, u.role, u.workerId ?? null, hash),
        display_name: u.displayName ?? `${u.username} (test)`,
        ...(u.partnerOrganisationId ? { partner_organisation_id: u.partnerOrganisationId } : {}),
      })),
    )
    .execute();
}

/**
 * The fostering service of the fixture council: a Fostering team with Fern, a supervising social
 * worker who signs in as 'ssw', and the fostering team manager 'ftm' (no worker record).
 */
export async function addFosteringService(db: Kysely<Database>, team: string = randomUUID(), worker: string = randomUUID()) {
  await db.insertInto('team').values({ la_code: LA, team_id: team, name: 'Fostering', service: 'Fostering', manager_worker_id: null }).execute();
  const { fte: _fte, ...fern } = fixtureWorker(worker, 'Fern', 'social-worker', team);
  await db.insertInto('worker').values(fern).execute();
  await addUsers(
    db,
    { username: 'ssw', role: 'supervising-social-worker', displayName: 'ssw', workerId: worker },
    { username: 'ftm', role: 'fostering-team-manager', displayName: 'ftm' },
  );
  return { team, worker };
}

/**
 * A period of care as part A's episodes service would record it: one 903 episode started with
 * RNE S, accommodated (V2) in foster care (U4), for abuse or neglect (N1) unless another need is
 * given; written straight to the table, as the tests need only the period. Its id.
 */
export async function becameLookedAfter(db: Kysely<Database>, childId: string, startDate: string, endDate: string | null = null, categoryOfNeed = 'N1') {
  const id = randomUUID();
  await db
    .insertInto('cla_episode')
    .values({
      la_code: LA,
      cla_episode_id: id,
      child_id: childId,
      period_id: id,
      placement_id: randomUUID(),
      start_date: startDate,
      reason_new_episode: 'S',
      legal_status: 'V2',
      category_of_need: categoryOfNeed,
      placement_type: 'U4',
      end_date: endDate,
      reason_ended: endDate ? 'E11' : null,
    })
    .execute();
  return id;
}

/**
 * A child in need episode opened by a referral (from a family member, 1A, unless another source is given) for
 * abuse or neglect (N1), without the steps before it; its id.
 */
export async function openCinEpisode(db: Kysely<Database>, childId: string, referralDate: string, opts: { episodeId?: string; source?: string } = {}) {
  const episodeId = opts.episodeId ?? randomUUID();
  await db
    .insertInto('cin_episode')
    .values({ la_code: LA, episode_id: episodeId, child_id: childId, referral_date: referralDate, referral_source: opts.source ?? '1A', primary_need: 'N1' })
    .execute();
  return episodeId;
}
