import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../../src/areas/returns/audit.ts';
import { ssda903TablesFor } from '@lantern/core/views/returns';
import { exportSsda903, fileNameOf } from '../../../src/areas/returns/ssda903/export.ts';
import { ImportRefused } from '../../../src/areas/returns/import-result.ts';
import { importSsda903 } from '../../../src/areas/returns/ssda903/import.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { openTestStore, TEST_DATABASE_URL, TEST_DB } from '../../helpers/db.ts';

/** DDL the application role may not run (a trigger that makes the database refuse a table's rows). */
async function asOwner(store: Store, statements: string[]) {
  if (TEST_DB === 'pglite') {
    // The one embedded connection: step out of the application role and back.
    await sql.raw('reset role').execute(store.db);
    for (const s of statements) await sql.raw(s).execute(store.db);
    await sql.raw('set role lantern_app').execute(store.db);
    return;
  }
  const name = (await sql<{ db: string }>`select current_database() as db`.execute(store.db)).rows[0]?.db as string;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const owner = new pg.Client({ connectionString: url.toString() });
  await owner.connect();
  try {
    for (const s of statements) await owner.query(s);
  } finally {
    await owner.end();
  }
}

const LA = 'E06000019'; // Herefordshire, LA number 884
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'lantern-903-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every exported table of a 2025/26 return as its text, by table name. */
function readExport(dir: string): Record<string, string> {
  return Object.fromEntries(ssda903TablesFor(2026).map((t) => [t, readFileSync(path.join(dir, fileNameOf(t)), 'utf8')]));
}

type Ep = {
  start: string;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  provider: string | null;
  end?: string;
  rec?: string;
  change?: string;
  home?: string;
  pl?: string;
  urn?: string;
};

/** A small council typed in by hand, as the tables hold it. */
async function buildCouncil(store: Store) {
  const db = store.db;
  await sql`insert into local_authority (la_code, dfe_la_number, name) values (${LA}, '884', 'Herefordshire')`.execute(db);
  const team = randomUUID();
  await sql`insert into team (la_code, team_id, name, service) values (${LA}, ${team}, 'Children in care 1', 'looked-after')`.execute(db);
  const worker = async (swe: string | null, family: string) => {
    const id = randomUUID();
    await sql`insert into worker (la_code, worker_id, given_name, family_name, job_role, employment, team_id, start_date, swe_number)
      values (${LA}, ${id}, 'Sam', ${family}, 'social-worker', 'permanent', ${team}, '2020-01-01', ${swe})`.execute(db);
    return id;
  };
  const w1 = await worker('SW1001', 'Okafor');
  const w2 = await worker('SW1002', 'Patel');
  const child = async (laChildId: string, sex: string, dob: string, ethnicity: string, upn: string | null, upnUnknown: string | null = null) => {
    const id = randomUUID();
    await sql`insert into person (la_code, person_id, is_child, la_child_id, given_name, family_name, date_of_birth, sex, ethnicity, upn, upn_unknown)
      values (${LA}, ${id}, true, ${laChildId}, 'Test', ${laChildId}, ${dob}, ${sex}, ${ethnicity}, ${upn}, ${upnUnknown})`.execute(db);
    return id;
  };
  const episodes = async (childId: string, list: Ep[]) => {
    let period = '';
    let placement = '';
    for (const e of list) {
      const id = randomUUID();
      if (e.rne === 'S') period = id;
      if (e.rne !== 'L') placement = randomUUID();
      await sql`insert into cla_episode (la_code, cla_episode_id, child_id, period_id, placement_id, start_date, reason_new_episode, legal_status,
          category_of_need, placement_type, placement_provider, urn, placement_postcode, home_postcode, end_date, reason_ended, reason_place_change)
        values (${LA}, ${id}, ${childId}, ${period}, ${placement}, ${e.start}, ${e.rne}, ${e.ls}, ${e.cin}, ${e.place}, ${e.provider}, ${e.urn ?? null},
          ${e.pl ?? null}, ${e.home ?? null}, ${e.end ?? null}, ${e.rec ?? null}, ${e.change ?? null})`.execute(db);
    }
    return period;
  };
  const allocate = async (childId: string, workerId: string, start: string, end: string | null, reason: string) =>
    sql`insert into allocation (la_code, allocation_id, child_id, worker_id, allocation_role, start_date, end_date, start_reason)
      values (${LA}, ${randomUUID()}, ${childId}, ${workerId}, 'social-worker', ${start}, ${end}, ${reason})`.execute(db);

  // A: in care since June 2024, a move in September 2025; looked after 12 months at 31 March.
  const a = await child('A001', 'F', '2012-05-10', 'WBRI', 'A884100000011');
  const aPeriod = await episodes(a, [
    {
      start: '2024-06-01',
      rne: 'S',
      ls: 'C2',
      cin: 'N1',
      place: 'U4',
      provider: 'PR1',
      end: '2025-09-01',
      rec: 'X1',
      change: 'CARPL',
      home: 'HR1 1AA',
      pl: 'HR2 2BB',
      urn: 'SC100001',
    },
    { start: '2025-09-01', rne: 'P', ls: 'C2', cin: 'N1', place: 'K2', provider: 'PR4', home: 'HR1 1AA', pl: 'WR1 3CC', urn: 'SC200002' },
  ]);
  await sql`insert into cla_review (la_code, review_id, child_id, period_id, held_on, participation)
    values (${LA}, ${randomUUID()}, ${a}, ${aPeriod}, '2025-06-15', 'PN1'), (${LA}, ${randomUUID()}, ${a}, ${aPeriod}, '2025-03-20', 'PN1')`.execute(db);
  await sql`insert into health_outcome (la_code, outcome_id, child_id, recorded_on, immunisations_up_to_date, sdq_score, substance_misuse, convicted)
    values (${LA}, ${randomUUID()}, ${a}, '2025-10-01', true, 14, false, false)`.execute(db);
  await sql`insert into health_check (la_code, check_id, child_id, kind, done_on)
    values (${LA}, ${randomUUID()}, ${a}, 'review-health-assessment', '2025-07-01'), (${LA}, ${randomUUID()}, ${a}, 'dental', '2024-08-01')`.execute(db);
  await sql`insert into missing_episode (la_code, missing_id, child_id, period_id, kind, started_at, ended_at)
    values (${LA}, ${randomUUID()}, ${a}, ${aPeriod}, 'M', '2025-11-03T21:00:00Z', '2025-11-04T09:00:00Z')`.execute(db);
  await allocate(a, w1, '2024-06-01', '2025-10-01', 'New case');
  await allocate(a, w2, '2025-10-01', null, 'Worker left');

  // B: a short period of care in the year, UASC, no previous permanence; an older period before it.
  const b = await child('B002', 'M', '2009-01-20', 'BAFR', null, 'UN2');
  await episodes(b, [
    { start: '2023-05-01', rne: 'S', ls: 'V2', cin: 'N4', place: 'U6', provider: 'PR1', end: '2024-01-01', rec: 'E4A', home: 'HR1 1AA', pl: 'HR3 3DD' },
  ]);
  const bPeriod = await episodes(b, [
    {
      start: '2025-07-10',
      rne: 'S',
      ls: 'V2',
      cin: 'N4',
      place: 'U6',
      provider: 'PR1',
      end: '2025-12-01',
      rec: 'E4A',
      home: 'HR1 1AA',
      pl: 'HR3 3DD',
      urn: 'SC300003',
    },
  ]);
  await sql`insert into uasc_record (la_code, child_id, referred_on, referral_route, age_assessment) values (${LA}, ${b}, '2025-07-10', 'spontaneous-arrival', 'not-needed')`.execute(
    db,
  );
  await sql`insert into previous_permanence (la_code, child_id, period_id, prev_perm, la_perm, date_perm) values (${LA}, ${b}, ${bPeriod}, 'Z1', null, null)`.execute(
    db,
  );
  await allocate(b, w1, '2025-07-10', '2025-12-01', 'New case');

  // C: a care leaver, 18 in August 2025, in touch.
  const c = await child('C003', 'F', '2007-08-15', 'WBRI', 'A884100000022');
  await sql`insert into leaver_birthday_contact (la_code, child_id, birthday_age, contact_on, in_touch, activity, accommodation)
    values (${LA}, ${c}, 17, '2024-08-20', 'YES', 'F2', 'U1'), (${LA}, ${c}, 18, '2025-08-20', 'YES', 'F5', 'U1')`.execute(db);

  // D: adopted in November 2025.
  const d = await child('D004', 'M', '2021-02-03', 'MWBC', null, 'UN1');
  await episodes(d, [
    { start: '2024-03-01', rne: 'S', ls: 'E1', cin: 'N1', place: 'A5', provider: 'PR1', end: '2025-11-20', rec: 'E11', home: 'HR1 1AA', pl: 'HR4 4EE' },
  ]);
  await sql`insert into adoption (la_code, adoption_id, child_id, decision_on, matched_on, adopter_count, adopter_sex, adopter_legal_status, foster_carer_adoption, placed_on, adoption_order_on)
    values (${LA}, ${randomUUID()}, ${d}, '2024-05-01', '2025-02-01', 2, 'MF', 'L0', false, '2025-03-01', '2025-11-20')`.execute(db);

  // E: only a child in need, never looked after: not in the return.
  await child('E005', 'F', '2015-01-01', 'WBRI', 'A884100000033');
  // F: looked after from February 2026, leaving after 31 March: still looked after on it.
  const f = await child('F006', 'U', '2010-10-10', 'NOBT', null, 'UN4');
  await episodes(f, [
    {
      start: '2026-02-01',
      rne: 'S',
      ls: 'C1',
      cin: 'N2',
      place: 'K2',
      provider: 'PR4',
      end: '2026-04-15',
      rec: 'E13',
      change: 'OTHER',
      home: 'HR1 1AA',
      pl: 'HR5 5FF',
      urn: 'SC400004',
    },
  ]);
}

describe('SSDA903 export from the case record', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    store = await openTestStore();
    await buildCouncil(store);
    dir = tempDir();
  });
  afterAll(async () => store.close());

  it('writes every table with the DfE’s columns, dd/mm/yyyy dates and the year’s population', async () => {
    const r = await exportSsda903(store.db, LA, 2026, dir, { actor: COMMAND_LINE });
    expect(r.rows).toEqual({
      Header: 5,
      Episodes: 5,
      Reviews: 1,
      UASC: 1,
      OC2: 1,
      OC3: 1,
      AD1: 1,
      PlacedAdoption: 1,
      PrevPerm: 1,
      Missing: 1,
      SWEpisodes: 3,
      DoLo: 0,
    });
    // 2025/26 has no DoLo table (it is collected from 2026/27).
    expect(readdirSync(dir).sort()).toEqual(ssda903TablesFor(2026).map(fileNameOf).sort());
    const t = readExport(dir);
    expect(t.Header).toBe(
      [
        'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
        'A001,F,10/05/2012,WBRI,A884100000011,0,',
        'B002,M,20/01/2009,BAFR,UN2,,',
        // A care leaver not looked after in the year is not asked about motherhood (rule 628).
        'C003,F,15/08/2007,WBRI,A884100000022,,',
        'D004,M,03/02/2021,MWBC,UN1,,',
        'F006,U,10/10/2010,NOBT,UN4,,',
        '',
      ].join('\n'),
    );
    expect(t.Episodes).toBe(
      [
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
        'A001,01/06/2024,S,C2,N1,U4,PR1,01/09/2025,X1,CARPL,HR1 1AA,HR2 2BB,SC100001',
        'A001,01/09/2025,P,C2,N1,K2,PR4,,,,HR1 1AA,WR1 3CC,SC200002',
        'B002,10/07/2025,S,V2,N4,U6,PR1,01/12/2025,E4A,,HR1 1AA,HR3 3DD,SC300003',
        'D004,01/03/2024,S,E1,N1,A5,PR1,20/11/2025,E11,,HR1 1AA,HR4 4EE,',
        // Its end on 15 April 2026 is after 31 March, so not yet known on it.
        'F006,01/02/2026,S,C1,N2,K2,PR4,,,,HR1 1AA,HR5 5FF,SC400004',
        '',
      ].join('\n'),
    );
    expect(t.Reviews).toBe('CHILD,DOB,REVIEW,REVIEW_CODE\nA001,10/05/2012,15/06/2025,PN1\n');
    expect(t.UASC).toBe('CHILD,SEX,DOB,DUC\nB002,M,20/01/2009,\n');
    // A is 13 at 31 March: conviction asked (10 or over), health surveillance not (5 or over);
    // the dental check was before the year.
    expect(t.OC2).toBe(
      'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n' +
        'A001,10/05/2012,14,,0,,1,0,1,0,,\n',
    );
    expect(t.OC3).toBe('CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC003,15/08/2007,YES,F5,U1\n');
    expect(t.AD1).toBe('CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nD004,03/02/2021,01/05/2024,01/02/2025,0,2,MF,L0\n');
    expect(t.PlacedAdoption).toBe('CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nD004,03/02/2021,01/05/2024,,\n');
    expect(t.PrevPerm).toBe('CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nB002,20/01/2009,Z1,,\n');
    expect(t.Missing).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\nA001,10/05/2012,M,03/11/2025,04/11/2025\n');
    expect(t.SWEpisodes).toBe(
      [
        'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
        'A001,10/05/2012,SW1001,01/06/2024,01/10/2025,OTHERS',
        'A001,10/05/2012,SW1002,01/10/2025,,LEFTRL',
        'B002,20/01/2009,SW1001,10/07/2025,01/12/2025,OTHERS',
        '',
      ].join('\n'),
    );
  });

  it('audits the read of every child in the return', async () => {
    const audited = await sql<{
      n: number;
    }>`select count(distinct child_id)::int as n from audit_event where action = 'export' and record_type = 'ssda903'`.execute(store.db);
    expect(audited.rows[0]?.n).toBe(5);
  });
});

const FIXTURE = fileURLToPath(new URL('../../fixtures/ssda903-import/', import.meta.url));
const fixtureFile = (name: string) => readFileSync(path.join(FIXTURE, name), 'utf8');

async function counts(store: Store) {
  const tables = [
    'person',
    'cla_episode',
    'cla_review',
    'missing_episode',
    'uasc_record',
    'adoption',
    'previous_permanence',
    'health_outcome',
    'health_check',
    'leaver_birthday_contact',
    'allocation',
    'worker',
    'chronology_entry',
    'audit_event',
    'obligation',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(store.db)).rows[0]?.n);
  return out;
}

describe('SSDA903 import into an empty Lantern, and export back', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('creates the council from the UPNs’ LA number and loads each child’s record, reporting what it could not place', async () => {
    const r = await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026 });
    expect(r).toMatchObject({ laCode: LA, councilName: 'Herefordshire', year: 2026, children: 5, alreadyImported: false });
    expect(r.notPlaced).toEqual([
      // Of two episodes starting the same day, the one of no length is the one left out.
      { child: 'IMP002', table: 'Episodes', row: 4, reason: 'A second episode with the same DECOM: a child has one episode starting on a day' },
      { child: 'IMP002', table: 'Reviews', row: 4, reason: 'A review needs a REVIEW date and a REVIEW_CODE PN0–PN7' },
      { child: 'IMP005', table: 'Episodes', row: 7, reason: 'RNE, LS, CIN and PLACE must each hold a DfE code' },
    ]);
    expect(r.written).toEqual({
      worker: 2,
      person: 6, // five children and IMP001's baby
      relationship: 1,
      cla_episode: 4,
      cla_review: 2,
      missing_episode: 2,
      uasc_record: 1,
      adoption: 1,
      previous_permanence: 1,
      health_outcome: 1,
      health_check: 2,
      care_leaver: 1,
      leaver_birthday_contact: 1,
      allocation: 3,
    });
    const child = await store.db.selectFrom('person').selectAll().where('la_child_id', '=', 'IMP002').executeTakeFirstOrThrow();
    expect(child).toMatchObject({ sex: 'M', date_of_birth: '2012-01-20', ethnicity: 'BAFR', upn: null, upn_unknown: 'UN2', uasc: true });
    const eps = await store.db
      .selectFrom('cla_episode')
      .select(['period_id', 'placement_id', 'cla_episode_id', 'start_date', 'end_date', 'reason_ended', 'placement_type'])
      .innerJoin('person', (j) => j.onRef('person.person_id', '=', 'cla_episode.child_id').onRef('person.la_code', '=', 'cla_episode.la_code'))
      .where('la_child_id', '=', 'IMP001')
      .orderBy('start_date')
      .execute();
    // One period of care (from the first episode), two placements.
    expect(eps.map((e) => [e.start_date, e.end_date, e.reason_ended, e.placement_type])).toEqual([
      ['2024-06-01', '2025-09-01', 'X1', 'U4'],
      ['2025-09-01', null, null, 'K2'],
    ]);
    expect(eps[1]?.period_id).toBe(eps[0]?.cla_episode_id);
    expect(eps[1]?.placement_id).not.toBe(eps[0]?.placement_id);
    const adoption = await store.db.selectFrom('adoption').selectAll().executeTakeFirstOrThrow();
    expect(adoption).toMatchObject({
      decision_on: '2024-05-01',
      matched_on: '2025-02-01',
      adoption_order_on: '2025-11-20',
      adopter_sex: 'MF',
    });
    // The timescales engine ran for the imported children: IMP001 is looked after with deadlines.
    const deadlines = await sql<{ n: number }>`select count(*)::int as n from obligation o join person p on p.la_code = o.la_code and p.person_id = o.child_id
      where p.la_child_id = 'IMP001'`.execute(store.db);
    expect(deadlines.rows[0]?.n).toBeGreaterThan(0);
    const chronology = await sql<{ summary: string }>`select c.summary from chronology_entry c join person p on p.person_id = c.child_id
      where p.la_child_id = 'IMP002' order by c.occurred_on, c.summary`.execute(store.db);
    expect(chronology.rows.map((c) => c.summary)).toEqual([
      'Became looked after (V2, placement U6)',
      'Social worker SW2001 allocated, from the SSDA903 return',
      'Ceased to be looked after (E4A)',
      'Child recorded from the SSDA903 return',
    ]);
  });

  it('importing the same files again changes nothing', async () => {
    const before = await counts(store);
    const again = await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026 });
    expect(again.alreadyImported).toBe(true);
    expect(await counts(store)).toEqual(before);
  });

  it('the same records in different files (another copy, reordered) are matched, not duplicated', async () => {
    const dir = tempDir();
    for (const f of readdirSync(FIXTURE)) writeFileSync(path.join(dir, f), fixtureFile(f));
    // A changed copy: different bytes, the same records.
    writeFileSync(path.join(dir, 'header.csv'), `${fixtureFile('header.csv').trimEnd()}\r\n`);
    const before = await counts(store);
    const r = await importSsda903(store.db, dir, { actor: COMMAND_LINE, year: 2026 });
    expect(r.alreadyImported).toBe(false);
    expect(r.written).toEqual({});
    const after = await counts(store);
    expect({ ...after, audit_event: 0, obligation: 0 }).toEqual({ ...before, audit_event: 0, obligation: 0 });
  });

  it('round trip: the return exported again gives back the records it was imported from', async () => {
    const out = tempDir();
    await exportSsda903(store.db, LA, 2026, out);
    const t = readExport(out);
    const without = (text: string, ...drop: string[]) =>
      text
        .split('\n')
        .filter((l) => !drop.some((d) => l.startsWith(d)))
        .join('\n');
    expect(t.Header).toBe(without(fixtureFile('header.csv'), 'IMP005,'));
    expect(t.Episodes).toBe(without(fixtureFile('episodes.csv'), 'IMP005,', 'IMP002,10/07/2025,S,V2,N4,U6,PR1,10/07/2025,'));
    expect(t.Reviews).toBe(without(fixtureFile('reviews.csv'), 'IMP002,'));
    expect(t.UASC).toBe(fixtureFile('uasc.csv'));
    expect(t.OC2).toBe(fixtureFile('oc2.csv'));
    expect(t.OC3).toBe(fixtureFile('oc3.csv'));
    expect(t.AD1).toBe(fixtureFile('ad1.csv'));
    expect(t.PlacedAdoption).toBe(fixtureFile('placed-adoption.csv'));
    expect(t.PrevPerm).toBe(fixtureFile('prev-perm.csv'));
    expect(t.Missing).toBe(fixtureFile('missing.csv'));
    expect(t.SWEpisodes).toBe(fixtureFile('sw-episodes.csv'));
  });
});

describe('SSDA903 import, all or nothing', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('a broken file writes nothing, and says which file', async () => {
    const dir = tempDir();
    for (const f of readdirSync(FIXTURE)) writeFileSync(path.join(dir, f), fixtureFile(f));
    writeFileSync(path.join(dir, 'missing.csv'), `${fixtureFile('missing.csv')}IMP001,10/05/2009,"M,01/02/2026,\n`);
    const error = await importSsda903(store.db, dir, { actor: COMMAND_LINE, year: 2026 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toContain('missing.csv');
    expect((error as Error).message).toContain('nothing was imported');
    const c = await counts(store);
    expect([c.person, c.cla_episode, c.audit_event]).toEqual([0, 0, 0]);
    expect((await store.db.selectFrom('local_authority').selectAll().execute()).length).toBe(0);
  });

  it('a failure part way through the transaction leaves nothing behind', async () => {
    // The database refuses the care leavers' rows, written after the children and their episodes.
    await asOwner(store, [
      `create function refuse_903_test() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`,
      'create trigger refuse_903_test before insert on leaver_birthday_contact for each row execute function refuse_903_test()',
    ]);
    const error = await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026 }).catch((e: unknown) => e);
    expect(String(error)).toContain('refused for the test');
    const c = await counts(store);
    expect([c.person, c.cla_episode, c.allocation, c.audit_event]).toEqual([0, 0, 0, 0]);
    expect((await store.db.selectFrom('return_import').selectAll().execute()).length).toBe(0);
    await asOwner(store, ['drop trigger refuse_903_test on leaver_birthday_contact']);
    // A council that is not English is refused before anything is read.
    const wales = await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026, laCode: 'W06000001' }).catch((e: unknown) => e);
    expect(wales).toBeInstanceOf(ImportRefused);
    // And with the database willing again, the same files import.
    expect((await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026 })).written.person).toBe(6);
  });
});

describe('SSDA903 import: a later return', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('ends the episode an earlier return left open, and the child’s next episode starts that day', async () => {
    await importSsda903(store.db, FIXTURE, { actor: COMMAND_LINE, year: 2026 });
    const dir = tempDir();
    for (const f of readdirSync(FIXTURE)) writeFileSync(path.join(dir, f), fixtureFile(f));
    // IMP001's placement from 1 September ends on 1 February, and a new one starts that day.
    writeFileSync(
      path.join(dir, 'episodes.csv'),
      fixtureFile('episodes.csv').replace(
        'IMP001,01/09/2025,P,C2,N1,K2,PR4,,,,HR1 1AA,WR1 3CC,SC200002',
        'IMP001,01/09/2025,P,C2,N1,K2,PR4,01/02/2026,X1,CARPL,HR1 1AA,WR1 3CC,SC200002\r\nIMP001,01/02/2026,P,C2,N1,U4,PR1,,,,HR1 1AA,HR2 2BB,SC100001',
      ),
    );
    const r = await importSsda903(store.db, dir, { actor: COMMAND_LINE, year: 2026 });
    expect(r.written).toEqual({ closures: 1, cla_episode: 1 });
    const eps = await store.db
      .selectFrom('cla_episode')
      .innerJoin('person', (j) => j.onRef('person.person_id', '=', 'cla_episode.child_id').onRef('person.la_code', '=', 'cla_episode.la_code'))
      .select(['cla_episode_id', 'start_date', 'end_date', 'reason_ended', 'reason_place_change', 'cla_episode.version'])
      .where('la_child_id', '=', 'IMP001')
      .orderBy('start_date')
      .execute();
    expect(eps.map((e) => [e.start_date, e.end_date, e.reason_ended, e.reason_place_change, e.version])).toEqual([
      ['2024-06-01', '2025-09-01', 'X1', 'CARPL', 1],
      ['2025-09-01', '2026-02-01', 'X1', 'CARPL', 2],
      ['2026-02-01', null, null, null, 1],
    ]);
    const audit = await store.db
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where('record_type', '=', 'cla-episode')
      .where('record_id', '=', eps[1]?.cla_episode_id as string)
      .orderBy('audit_id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', detail: { source: 'ssda903-import', importId: expect.any(String) } },
      { action: 'update', detail: { ended: 'X1', source: 'ssda903-import', importId: r.importId } },
    ]);
  });
});
