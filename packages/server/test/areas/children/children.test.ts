import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signedIn, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let ids: FixtureIds;
let sw: Client;
let tm: Client;

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  [sw, tm] = await signedIn(server, 'sw', 'tm');
});
afterAll(() => server?.close());

const people = async () => Number((await server.store.db.selectFrom('person').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

describe('adding a child', () => {
  it('records a new child with an LA child id, a first version and a chronology entry', async () => {
    const res = await sw.post('/api/children', { givenName: 'Lily', familyName: 'Osborne', dateOfBirth: '2018-09-04', sex: 'F', ethnicity: 'WBRI' });
    expect(res.status).toBe(201);
    expect(res.body.child).toMatchObject({ givenName: 'Lily', familyName: 'Osborne', dateOfBirth: '2018-09-04', version: 1 });
    expect(res.body.child.laChildId).toMatch(/^LC\d{6}$/);
    // The next one follows it.
    const next = await sw.post('/api/children', { givenName: 'Leo', familyName: 'Osborne', dateOfBirth: '2020-01-04', sex: 'M' });
    expect(Number(next.body.child.laChildId.slice(2))).toBe(Number(res.body.child.laChildId.slice(2)) + 1);
    expect(res.headers.get('location')).toBe(`/api/children/${res.body.child.childId}`);
    const chronology = (await sw.get(`/api/children/${res.body.child.childId}/chronology`)).body.entries;
    expect(chronology[0].summary).toContain('Child recorded');
  });

  it('refuses bad input naming each field and rule, and writes nothing', async () => {
    const before = await people();
    const res = await sw.post('/api/children', {
      givenName: '',
      familyName: 'Osborne',
      dateOfBirth: '2018-02-30',
      sex: 'X',
      upn: 'B884123456789',
      nhsNumber: '1234567890',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]));
    expect(byField).toMatchObject({
      givenName: 'too_small',
      dateOfBirth: 'date',
      sex: 'invalid_value',
      upn: 'upn-check-letter',
      nhsNumber: 'nhs-number-check-digit',
    });
    expect(await people()).toBe(before);
  });

  it('checks rules across fields: an unborn child has sex U and no date of birth', async () => {
    const res = await sw.post('/api/children', {
      givenName: 'Baby',
      familyName: 'Osborne',
      dateOfBirth: '2026-01-01',
      expectedDateOfBirth: '2027-01-01',
      sex: 'M',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual(['birth-date-or-expected', 'unborn-sex']);
  });

  it('shows people already recorded who may be the same child, and refuses a silent duplicate', async () => {
    const matches = await sw.get('/api/children/possible-matches?givenName=poppy&familyName=LAMBERT&dateOfBirth=2015-03-12');
    expect(matches.status).toBe(200);
    expect(matches.body.matches).toEqual([expect.objectContaining({ personId: ids.childA, strength: 'strong', reasons: ['Same name and date of birth'] })]);

    const similar = await sw.get('/api/children/possible-matches?givenName=Poppie&familyName=Lambert&dateOfBirth=2015-03-12');
    expect(similar.body.matches[0]).toMatchObject({ personId: ids.childA, strength: 'possible' });

    const before = await people();
    const dup = await sw.post('/api/children', { givenName: 'Poppy', familyName: 'Lambert', dateOfBirth: '2015-03-12', sex: 'F' });
    expect(dup.status).toBe(409);
    expect(dup.body.possibleMatches.map((m: { personId: string }) => m.personId)).toEqual([ids.childA]);
    expect(dup.body.errors[0]).toMatchObject({ field: 'confirmNotDuplicate', rule: 'possible-duplicate' });
    expect(await people()).toBe(before);

    const confirmed = await sw.post('/api/children', {
      givenName: 'Poppy',
      familyName: 'Lambert',
      dateOfBirth: '2015-03-12',
      sex: 'F',
      confirmNotDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
  });

  it('never lets two children share a UPN or NHS number', async () => {
    const first = await sw.post('/api/children', {
      givenName: 'Ruby',
      familyName: 'Hart',
      dateOfBirth: '2014-05-05',
      sex: 'F',
      upn: 'H801200001001',
      nhsNumber: '943 476 5919',
    });
    expect(first.status).toBe(201);
    expect(first.body.child.nhsNumber).toBe('9434765919');
    const second = await sw.post('/api/children', {
      givenName: 'Rose',
      familyName: 'Hart',
      dateOfBirth: '2016-01-01',
      sex: 'F',
      upn: 'H801200001001',
      nhsNumber: '9434765919',
      confirmNotDuplicate: true,
    });
    expect(second.status).toBe(409);
    expect(second.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nhsNumber', 'upn']);
  });
});

describe('finding a child', () => {
  it('finds by a name of two words, LA child id and date of birth', async () => {
    const created = await sw.post('/api/children', { givenName: 'Mary Jane', familyName: 'Van Dyke', dateOfBirth: '2017-06-30', sex: 'F' });
    expect(created.status).toBe(201);
    const names = async (q: string) => (await sw.get(`/api/children?q=${encodeURIComponent(q)}`)).body.results.map((r: { familyName: string }) => r.familyName);
    expect(await names('Van Dyke')).toEqual(['Van Dyke']);
    expect(await names('mary jane')).toEqual(['Van Dyke']);
    expect(await names('30/06/2017')).toEqual(['Van Dyke']);
    expect(await names(created.body.child.laChildId)).toEqual(['Van Dyke']);
    // Two: the confirmed different child of the same name added above.
    expect(await names('poppy lam')).toEqual(['Lambert', 'Lambert']);
  });
});

describe('changing a child’s details', () => {
  it('keeps every version with who changed what and when', async () => {
    const { child } = (await sw.get(`/api/children/${ids.childB}`)).body;
    const res = await tm.patch(`/api/children/${ids.childB}`, { version: child.version, otherNames: 'Jackie', ethnicity: 'WOTH' });
    expect(res.status).toBe(403); // team A's manager does not hold team B's child
    const byHolder = await client(server, await signInAs(server, 'sw2', FIXTURE_PASSWORD)).patch(`/api/children/${ids.childB}`, {
      version: child.version,
      otherNames: 'Jackie',
      ethnicity: 'WOTH',
    });
    expect(byHolder.status).toBe(200);
    expect(byHolder.body.child).toMatchObject({ otherNames: 'Jackie', ethnicity: 'WOTH', version: child.version + 1 });
    const { versions } = (await sw.get(`/api/children/${ids.childB}/versions`)).body;
    const last = versions.at(-1);
    expect(last.version).toBe(child.version + 1);
    expect(last.changedBy).toBe('sw2 (test)');
    expect(last.changes).toEqual(
      expect.arrayContaining([
        { field: 'otherNames', from: null, to: 'Jackie' },
        { field: 'ethnicity', from: 'WBRI', to: 'WOTH' },
      ]),
    );
  });

  it('gives 409, never a silent overwrite, to an edit made from a stale version', async () => {
    const { child } = (await sw.get(`/api/children/${ids.childA}`)).body;
    const [a, b] = await Promise.all([
      sw.patch(`/api/children/${ids.childA}`, { version: child.version, otherNames: 'first' }),
      tm.patch(`/api/children/${ids.childA}`, { version: child.version, otherNames: 'second' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.errors[0]).toMatchObject({ field: 'version', rule: 'stale-version' });
    const winner = a.status === 200 ? 'first' : 'second';
    expect((await sw.get(`/api/children/${ids.childA}`)).body.child.otherNames).toBe(winner);
  });

  it('checks rules against the whole record after the change', async () => {
    const { child } = (await sw.get(`/api/children/${ids.childA}`)).body;
    const res = await sw.patch(`/api/children/${ids.childA}`, { version: child.version, dateOfDeath: '2010-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'dateOfDeath', rule: 'death-after-birth' });
  });
});

describe('family and addresses', () => {
  it('records a new family member and shows them on the child’s record', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/relationships`, {
      newPerson: { givenName: 'Dean', familyName: 'Lambert', sex: 'M' },
      type: 'father',
      parentalResponsibility: true,
    });
    expect(res.status).toBe(201);
    const record = (await sw.get(`/api/children/${ids.childA}`)).body;
    const types = record.relationships.map((r: { typeLabel: string; person: { givenName: string } }) => `${r.typeLabel}: ${r.person.givenName}`).sort();
    expect(types).toEqual(['Father: Dean', 'Mother: Karen']);
  });

  it('refuses a relationship that names nobody', async () => {
    const res = await sw.post(`/api/children/${ids.childA}/relationships`, { type: 'father' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'relatedPersonId', rule: 'one-related-person' });
  });

  it('a new current address ends the previous one', async () => {
    expect(
      (await sw.post(`/api/children/${ids.childA}/addresses`, { line1: '4 Mill Lane', town: 'Leominster', postcode: 'hr6 8aa', startDate: '2025-01-01' }))
        .status,
    ).toBe(201);
    expect(
      (await sw.post(`/api/children/${ids.childA}/addresses`, { line1: '9 Orchard Way', town: 'Hereford', postcode: 'HR1 2AB', startDate: '2026-03-01' }))
        .status,
    ).toBe(201);
    const bad = await sw.post(`/api/children/${ids.childA}/addresses`, { line1: 'x', town: 'Hereford', postcode: 'NOT A CODE', startDate: '2026-03-01' });
    expect(bad.body.errors[0]).toMatchObject({ field: 'postcode', rule: 'postcode-format' });
    const { addresses } = (await sw.get(`/api/children/${ids.childA}`)).body;
    expect(addresses.map((a: { postcode: string; endDate: string | null }) => [a.postcode, a.endDate])).toEqual([
      ['HR1 2AB', null],
      ['HR6 8AA', '2026-02-28'],
    ]);
  });
});

describe('allocations', () => {
  it('shows current and past workers and counts social workers in the last 12 months', async () => {
    const record = (await sw.get(`/api/children/${ids.childA}`)).body;
    expect(record.allocations.current.map((a: { role: string; worker: { name: string } }) => `${a.role}:${a.worker.name}`).sort()).toEqual([
      'iro:Ira Tester',
      'social-worker:Ava Tester',
    ]);
    expect(record.allocations.past).toHaveLength(1);
  });

  it('a new social worker ends the current allocation the same day, and the chronology says so', async () => {
    const res = await tm.post(`/api/children/${ids.childA}/allocations`, { workerId: ids.swA2, startDate: '2026-04-07', reason: 'Caseload balancing' });
    expect(res.status).toBe(201);
    const record = (await tm.get(`/api/children/${ids.childA}`)).body;
    expect(record.allocations.current.find((a: { role: string }) => a.role === 'social-worker').worker.name).toBe('Amir Tester');
    expect(record.allocations.past[0]).toMatchObject({ endDate: '2026-04-07', endReason: 'Caseload balancing' });
    const chronology = (await tm.get(`/api/children/${ids.childA}/chronology`)).body.entries;
    expect(chronology.map((e: { summary: string }) => e.summary)).toContain('Allocated social worker: Amir Tester (Children in need 1) — Caseload balancing');
  });

  it('refuses an allocation that cannot be right, naming the field', async () => {
    // A team manager does not allocate IROs at all; the head of service may, but only an IRO.
    const byManager = await tm.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.iro, role: 'iro', startDate: '2026-04-07' });
    expect(byManager.status).toBe(403);
    const hos = client(server, await signInAs(server, 'hos', FIXTURE_PASSWORD));
    const iroAsTm = await hos.post(`/api/children/${ids.childUnallocated}/allocations`, { workerId: ids.tmA, role: 'iro', startDate: '2026-04-07' });
    expect(iroAsTm.body.errors[0]).toMatchObject({ field: 'workerId', rule: 'job-role-may-hold' });
    const early = await tm.post(`/api/children/${ids.childA}/allocations`, { workerId: ids.swA, startDate: '2026-01-01' });
    expect(early.body.errors[0]).toMatchObject({ field: 'startDate', rule: 'after-current-allocation' });
  });
});
