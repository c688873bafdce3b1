/**
 * A subject access request end to end over HTTP: recorded (due one calendar month later, three
 * when extended), its redaction marks reviewed, and the released PDF read back with Debian's
 * pdftotext: the child's name is there, the third party's is not (removed, not covered).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, FIXTURE_PASSWORD } from '../../helpers/fixture.ts';
import { client, type Client, type FixtureIds, signInAs, startFixtureServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let ids: FixtureIds;
let ig: Client;
let sw: Client;
const dir = mkdtempSync(path.join(tmpdir(), 'lantern-sar-'));

/** The text of a PDF as a reader extracts it (poppler's pdftotext). */
async function pdfText(server: TestServer, cookie: string, method: 'GET', url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${url}`, { method, headers: { cookie } });
  if (res.status !== 200) return { status: res.status, text: await res.text() };
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = path.join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { status: 200, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

let igCookie = '';
beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  await addUsers(server.store.db, { username: 'ig', role: 'information-governance', displayName: 'Information governance (test)' });
  igCookie = await signInAs(server, 'ig', FIXTURE_PASSWORD);
  ig = client(server, igCookie);
  sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
  const note = await sw.post(`/api/children/${ids.childA}/chronology`, {
    occurredOn: '2025-09-03',
    category: 'visit',
    summary: 'Home visit. Karen Lambert said Poppy had been sleeping better; Karen agreed to the school meeting.',
  });
  expect(note.status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a subject access request', () => {
  let sarId = '';
  const base = () => `/api/children/${ids.childA}/subject-access-requests`;

  it('is recorded by information governance and is due one calendar month from receipt', async () => {
    const res = await ig.post(base(), {
      requesterName: 'Poppy Lambert',
      requesterRelationship: 'self',
      identitySeen: 'Passport and a council tax bill',
      receivedOn: '2026-10-31',
    });
    expect(res.status).toBe(201);
    expect(res.body.dueOn).toBe('2026-11-30');
    sarId = res.body.sarId;
    const due = await server.store.db
      .selectFrom('obligation')
      .select(['due_date', 'met_on'])
      .where('rule_id', '=', 'sar-response')
      .where('source_id', '=', sarId)
      .executeTakeFirstOrThrow();
    expect(due).toEqual({ due_date: '2026-11-30', met_on: null });
  });

  it('names the field when something is missing, and refuses a social worker', async () => {
    const bad = await ig.post(base(), { requesterName: 'Poppy Lambert', requesterRelationship: 'self', identitySeen: '', receivedOn: '2026-10-31' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('identitySeen');
    expect((await sw.get(base())).status).toBe(403);
  });

  it('is extended by two months with a reason', async () => {
    const [sar] = (await ig.get(base())).body.requests;
    expect(sar.marks.map((m: { text: string }) => m.text)).toEqual(['Karen Lambert', 'Karen']);
    const res = await ig.post(`${base()}/${sarId}/extension`, { version: sar.version, reason: 'The record runs to many years and includes court papers' });
    expect(res.status).toBe(200);
    expect(res.body.dueOn).toBe('2027-01-31');
    const due = await server.store.db.selectFrom('obligation').select('due_date').where('source_id', '=', sarId).executeTakeFirstOrThrow();
    expect(due.due_date).toBe('2027-01-31');
  });

  it('shows the marks on the review copy, and will not release before a person reviews them', async () => {
    const review = await pdfText(server, igCookie, 'GET', `${base()}/${sarId}/copy.pdf`);
    expect(review.status).toBe(200);
    expect(review.text).toContain('REVIEW COPY');
    expect(review.text).toContain('Karen Lambert');
    expect((await ig.post(`${base()}/${sarId}/release`, {})).status).toBe(409);
    expect((await pdfText(server, igCookie, 'GET', `${base()}/${sarId}/copy.pdf?copy=released`)).status).toBe(409);
  });

  it('releases a copy with the child’s record and the third party’s name removed', async () => {
    const [sar] = (await ig.get(base())).body.requests;
    const reviewed = await ig.put(`${base()}/${sarId}/marks`, { version: sar.version, marks: sar.marks });
    expect(reviewed.status).toBe(200);
    expect((await ig.post(`${base()}/${sarId}/release`, {})).status).toBe(200);
    const released = await pdfText(server, igCookie, 'GET', `${base()}/${sarId}/copy.pdf?copy=released`);
    expect(released.status).toBe(200);
    expect(released.text).toContain('Poppy Lambert');
    expect(released.text).toContain('had been sleeping better');
    expect(released.text).not.toContain('Karen');
    const due = await server.store.db.selectFrom('obligation').select('met_on').where('source_id', '=', sarId).executeTakeFirstOrThrow();
    expect(due.met_on).not.toBeNull();
    const audit = await server.store.db
      .selectFrom('audit_event')
      .select(['action', 'username'])
      .where('record_type', '=', 'subject-access-request')
      .where('action', '=', 'export')
      .execute();
    expect(audit).toEqual([{ action: 'export', username: 'ig' }]);
  });

  it('is on the council’s list with its child and due date (soonest due first, answered last), and on a page of its own', async () => {
    const other = await ig.post(`/api/children/${ids.childB}/subject-access-requests`, {
      requesterName: 'A solicitor for the family',
      requesterRelationship: 'representative',
      identitySeen: 'Letter of authority',
      receivedOn: '2026-11-20',
    });
    expect(other.status).toBe(201);
    const list = await ig.get('/api/subject-access-requests');
    expect(list.status).toBe(200);
    expect(
      list.body.requests.map((r: { childName: string; dueOn: string; releasedOn: string | null }) => [r.childName, r.dueOn, r.releasedOn !== null]),
    ).toEqual([
      ['Jack Ferris', '2026-12-20', false],
      ['Poppy Lambert', '2027-01-31', true],
    ]);
    const one = await ig.get(`${base()}/${sarId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ childId: ids.childA, childName: 'Poppy Lambert', laChildId: 'T1', extendedOn: expect.any(String), reviewed: true });
    expect((await sw.get('/api/subject-access-requests')).status).toBe(403);
    // Information governance lands on the request waiting for an answer, which leads to its page.
    const landing = await ig.get('/api/work');
    expect(landing.body.sections.map((s: { id: string }) => s.id)).toEqual(['subject-access-requests']);
    expect(landing.body.sections[0].items).toEqual([
      expect.objectContaining({ childName: 'Jack Ferris', dueDate: '2026-12-20', href: `/children/${ids.childB}/subject-access-requests/${other.body.sarId}` }),
    ]);
    expect((await ig.get(`/api/children/${ids.childB}/subject-access-requests/${sarId}`)).status).toBe(404);
  });
});
