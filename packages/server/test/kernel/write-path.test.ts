/**
 * Walks every write route in the OpenAPI document: one successful request each, over the fixture
 * council, must leave what the ledger promises — each versioned record it wrote with every version
 * kept (1 to its current version, none missing), one audit row per version written, and an entry
 * on the chronology of each child whose record it wrote.
 *
 * A route needs an example (write-path/); a new route without one fails here (a route that writes no
 * record is named in NOT_RECORD_WRITES, with why).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshObligations } from '../../src/kernel/obligations.ts';
import { RECORD_KEYS } from '../../src/kernel/record-keys.ts';
import { addUsers, FIXTURE_PASSWORD, LA } from '../helpers/fixture.ts';
import { client, signInAs, startFixtureServer, type TestServer } from '../helpers/server.ts';
import { EXAMPLES as CASEWORK } from './write-path/casework.ts';
import { EXAMPLES as LEGAL_FOSTERING_EARLY_HELP } from './write-path/legal-fostering-early-help.ts';
import { as, type Call, call, type Ids, walk } from './write-path/walk.ts';
import { EXAMPLES as WORKFORCE_AND_OVERSIGHT } from './write-path/workforce-and-oversight.ts';

/** One example request per write route (write-path/: the examples by area, and what they share). */
const EXAMPLES = { ...LEGAL_FOSTERING_EARLY_HELP, ...CASEWORK, ...WORKFORCE_AND_OVERSIGHT };

let server: TestServer;
let ids: Ids;

/**
 * Not writes to the record: signing in and out, everywhere included (audited, not versioned),
 * unlocking a sign-in (clears the failed attempts, audited as sign-in-unlocked), checking a file,
 * and producing a return (it reads the record: every child in it audited as an export).
 */
const NOT_RECORD_WRITES = new Set([
  'POST /api/session',
  'DELETE /api/session',
  'DELETE /api/sessions',
  'POST /api/users/{userId}/unlock',
  'POST /api/returns/cin-census/validate',
  'POST /api/returns/ssda903/validate',
  'POST /api/returns/cin-census/runs',
  'POST /api/returns/ssda903/runs',
]);

let writeRoutes: string[] = [];

beforeAll(async () => {
  ({ server, ids } = await startFixtureServer());
  walk.server = server;
  // The fostering service's supervising social worker and team manager (roles of their own).
  await addUsers(
    server.store.db,
    { username: 'ssw', role: 'supervising-social-worker', displayName: 'ssw' },
    { username: 'ftm', role: 'fostering-team-manager', displayName: 'ftm' },
  );
  for (const who of ['sw', 'sw2', 'tm', 'iro', 'hos', 'analyst', 'admin', 'ssw', 'ftm'] as const)
    as[who] = client(server, await signInAs(server, who, FIXTURE_PASSWORD));
  const paths = (await client(server).get('/api/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
  writeRoutes = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .filter((r) => !NOT_RECORD_WRITES.has(r))
    .sort();
});
afterAll(() => server?.close());

const db = () => server.store.db;
const WRITES = ['create', 'update', 'allocate', 'end-allocation'];

async function trail() {
  const [audit, versions, chronology] = await Promise.all([
    db().selectFrom('audit_event').select(['audit_id', 'action', 'record_type', 'record_id', 'child_id']).execute(),
    db().selectFrom('record_version').select(['record_type', 'record_id', 'version']).execute(),
    db().selectFrom('chronology_entry').select(['entry_id', 'child_id']).execute(),
  ]);
  return { audit, versions, chronology };
}

/** The child's deadline rows that re-deriving every rule for them changes (by rule), left as re-derived. */
async function deadlinesStale(childId: string): Promise<string[]> {
  const rows = () =>
    db()
      .selectFrom('obligation')
      .select([
        'rule_id',
        'source_id',
        'episode_id',
        'start_date',
        'due_date',
        'due_at',
        'met_on',
        'ended_on',
        'end_reason',
        'responsible_worker_id',
        'responsible_team_id',
      ])
      .where('child_id', '=', childId)
      .execute();
  const asText = (xs: Awaited<ReturnType<typeof rows>>) => new Map(xs.map((x) => [`${x.rule_id}|${x.source_id}`, JSON.stringify(x)]));
  const before = asText(await rows());
  await refreshObligations(db(), LA, { childIds: [childId] });
  const after = asText(await rows());
  const rules = new Set<string>();
  for (const key of new Set([...before.keys(), ...after.keys()])) if (before.get(key) !== after.get(key)) rules.add(key.split('|')[0] as string);
  return [...rules].sort();
}

/** What one request left behind that the ledger's promise does not hold for, in words. */
async function breaches(request: Call): Promise<string[]> {
  const before = await trail();
  const res = await call(request);
  if (res.status >= 300) return [`answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`];
  const after = await trail();
  const seen = (xs: { audit_id: number | string }[]) => new Set(xs.map((x) => String(x.audit_id)));
  const oldAudit = seen(before.audit);
  const audit = after.audit.filter((a) => !oldAudit.has(String(a.audit_id)) && WRITES.includes(a.action));
  const key = (v: { record_type: string; record_id: string; version: number }) => `${v.record_type}|${v.record_id}|${v.version}`;
  const oldVersions = new Set(before.versions.map(key));
  const versions = after.versions.filter((v) => !oldVersions.has(key(v)));
  const oldEntries = new Set(before.chronology.map((c) => c.entry_id));
  const entries = after.chronology.filter((c) => !oldEntries.has(c.entry_id));
  const out: string[] = [];
  if (audit.length === 0) out.push('no audit row for the write');
  // One audit row per version written, naming the record.
  const byRecord = new Map<string, typeof versions>();
  for (const v of versions) byRecord.set(`${v.record_type}|${v.record_id}`, [...(byRecord.get(`${v.record_type}|${v.record_id}`) ?? []), v]);
  for (const record of byRecord.keys()) {
    const [type, id] = record.split('|') as [string, string];
    // Records keyed by the same id (an assessment and its written record, a child and their UASC
    // record) are counted together: the audit names the id, in the words of its own area.
    const rows = audit.filter((a) => a.record_id === id);
    const written = versions.filter((v) => v.record_id === id).length;
    if (rows.length !== written) out.push(`${type} ${id}: ${written} version(s) written under its id, ${rows.length} audit row(s)`);
    // Every version kept, 1 to the record's current version.
    const table = type.replaceAll('-', '_') as keyof typeof RECORD_KEYS;
    const columns = RECORD_KEYS[table] as readonly string[] | undefined;
    if (!columns) {
      out.push(`${type}: no table of that name`);
      continue;
    }
    const values = id.split(':');
    let q = (db() as any).selectFrom(table).select('version');
    columns.forEach((c, i) => {
      q = q.where(c, '=', values[i]);
    });
    const row = (await q.executeTakeFirst()) as { version: number } | undefined;
    const kept = after.versions
      .filter((v) => v.record_type === type && v.record_id === id)
      .map((v) => v.version)
      .sort((a, b) => a - b);
    const want = row ? Array.from({ length: row.version }, (_, i) => i + 1) : kept;
    if (JSON.stringify(kept) !== JSON.stringify(want)) out.push(`${type} ${id}: versions kept ${kept.join(',')}, the record is at ${row?.version}`);
  }
  // A write on a child's record is on their chronology.
  for (const childId of new Set(audit.map((a) => a.child_id).filter((c): c is string => !!c))) {
    if (!entries.some((e) => e.child_id === childId)) out.push(`child ${childId}: written, but no chronology entry`);
    // The event re-derived only the deadline rules that read what it changed: every rule derived
    // again must find the child's deadlines already as they should be.
    const stale = await deadlinesStale(childId);
    if (stale.length > 0) out.push(`child ${childId}: deadlines a full re-derivation changes: ${stale.join(', ')}`);
  }
  return out;
}

describe('every write route keeps the statutory trail', () => {
  it('has an example for each write route', () => {
    expect(writeRoutes.filter((r) => !EXAMPLES[r])).toEqual([]);
  });

  it('leaves exactly the versions, audit rows and chronology the ledger promises', async () => {
    const results: Record<string, string[]> = {};
    for (const route of writeRoutes) {
      const example = EXAMPLES[route];
      if (!example) continue;
      results[route] = await breaches(await example({ ids, call }));
    }
    const failing = Object.fromEntries(Object.entries(results).filter(([, b]) => b.length > 0));
    expect(failing).toEqual({});
    // Some 150 requests, each with its setup, one after another on a shared machine.
  }, 1_200_000);
});
