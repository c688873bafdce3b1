import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { CensusChild } from '@lantern/core/returns/cin-census/model';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../../src/areas/returns/audit.ts';
import { exportCinCensus } from '../../../src/areas/returns/cin-census/export.ts';
import { importCinCensus } from '../../../src/areas/returns/cin-census/import.ts';
import { ImportRefused } from '../../../src/areas/returns/import-result.ts';
import { readCinCensus } from '../../../src/areas/returns/cin-census/parse.ts';
import { validateCinCensusFile } from '../../../src/areas/returns/cin-census/validate.ts';
import type { Store } from '../../../src/kernel/db/store.ts';
import { openTestStore } from '../../helpers/db.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const SAMPLE = fixture('cin-census-sample.xml');
const LA = 'E06000019'; // LA number 884 in councils.csv

async function childrenOf(xml: Buffer | string): Promise<CensusChild[]> {
  const out: CensusChild[] = [];
  for await (const item of readCinCensus([xml.toString()])) if ('child' in item) out.push(item.child);
  // Lines are where a record sat in its file, not part of the record.
  return JSON.parse(JSON.stringify(out, (k, v) => (k === 'line' ? undefined : v)));
}

async function exportToString(store: Store, year: number): Promise<string> {
  let xml = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      xml += chunk.toString();
      done();
    },
  });
  await exportCinCensus(store.db, LA, year, sink, { actor: COMMAND_LINE });
  return xml;
}

async function counts(store: Store) {
  const tables = [
    'person',
    'cin_episode',
    'assessment',
    'section47',
    'strategy_discussion',
    'cp_plan',
    'cp_conference',
    'cin_plan',
    'chronology_entry',
    'record_version',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(store.db)).rows[0]?.n);
  return out;
}

describe('CIN census import into an empty Lantern, and export back', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('creates the council from the file’s LA number and loads each child’s history', async () => {
    const r = await importCinCensus(store.db, { xml: SAMPLE, fileName: 'sample.xml' }, { actor: COMMAND_LINE });
    expect(r).toMatchObject({ laCode: LA, councilName: 'Herefordshire', year: 2026, children: 4, alreadyImported: false, notPlaced: [] });
    expect(r.written).toEqual({ person: 4, cin_episode: 5, assessment: 3, strategy_discussion: 1, section47: 1, cp_plan: 1, cp_conference: 2, cin_plan: 2 });
    const council = await store.db.selectFrom('local_authority').selectAll().executeTakeFirstOrThrow();
    expect(council).toMatchObject({ la_code: LA, dfe_la_number: '884', name: 'Herefordshire' });

    const child = await store.db.selectFrom('person').selectAll().where('la_child_id', '=', 'SAMPLE01').executeTakeFirstOrThrow();
    expect(child).toMatchObject({ upn: 'U884100000011', date_of_birth: '2015-06-10', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'], is_child: true });
    const episode = await store.db.selectFrom('cin_episode').selectAll().where('child_id', '=', child.person_id).executeTakeFirstOrThrow();
    expect(episode).toMatchObject({ referral_date: '2025-05-01', referral_source: '2A', primary_need: 'N1', referral_nfa: false, closure_date: null });
    const assessment = await store.db.selectFrom('assessment').selectAll().where('child_id', '=', child.person_id).executeTakeFirstOrThrow();
    expect(assessment).toMatchObject({ start_date: '2025-05-02', authorised_on: '2025-06-10', factors: ['3B', '4B'] });
    const s47 = await store.db.selectFrom('section47').selectAll().where('child_id', '=', child.person_id).executeTakeFirstOrThrow();
    expect(s47).toMatchObject({ start_date: '2025-05-05', icpc_target_date: '2025-05-27', icpc_not_required: false, outcome: 'conference' });
    const plan = await store.db.selectFrom('cp_plan').selectAll().where('child_id', '=', child.person_id).executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ start_date: '2025-05-28', end_date: '2025-10-01', initial_category: 'NEG', latest_category: 'EMO', previous_plans: 1 });
    const conferences = await store.db
      .selectFrom('cp_conference')
      .select(['kind', 'held_on', 'plan_id', 'outcome'])
      .where('child_id', '=', child.person_id)
      .orderBy('held_on')
      .execute();
    expect(conferences).toEqual([
      { kind: 'initial', held_on: '2025-05-28', plan_id: plan.plan_id, outcome: 'plan' },
      { kind: 'review', held_on: '2025-08-20', plan_id: plan.plan_id, outcome: 'continue-plan' },
    ]);
    // The history reads as one typed in: a chronology, a first version, an audit row per record.
    const chronology = await store.db
      .selectFrom('chronology_entry')
      .select(['occurred_on', 'summary'])
      .where('child_id', '=', child.person_id)
      .orderBy('occurred_on')
      .execute();
    expect(chronology.map((c) => c.summary)).toEqual([
      'Referral received',
      'Assessment started',
      'Section 47 enquiry started',
      'Child protection plan started',
      'Initial child protection conference',
      'Assessment completed and authorised',
      'Review child protection conference',
      'Child in need plan started',
      'Child protection plan ended',
    ]);
    expect(await store.db.selectFrom('record_version').select('version').where('record_id', '=', child.person_id).execute()).toEqual([{ version: 1 }]);
    const audited = await store.db
      .selectFrom('audit_event')
      .select(['record_type'])
      .where('child_id', '=', child.person_id)
      .where('action', '=', 'create')
      .execute();
    expect(audited.map((a) => a.record_type).sort()).toEqual([
      'assessment',
      'cin-episode',
      'cin-plan',
      'cp-conference',
      'cp-conference',
      'cp-plan',
      'person',
      'section-47',
    ]);
    // Timescales work at once: the child-in-need plan's first review is due.
    const obligations = await store.db.selectFrom('obligation').select('rule_id').where('child_id', '=', child.person_id).execute();
    expect(obligations.map((o) => o.rule_id)).toContain('cin-plan-review');
  });

  it('the unborn child, the NFA referral and the case from the year before are placed as the return says', async () => {
    const unborn = await store.db.selectFrom('person').selectAll().where('la_child_id', '=', 'SAMPLE03').executeTakeFirstOrThrow();
    expect(unborn).toMatchObject({ date_of_birth: null, expected_date_of_birth: '2026-05-15', sex: 'U', upn_unknown: 'UN1', disabilities: [] });
    const two = await store.db
      .selectFrom('cin_episode as e')
      .innerJoin('person as p', 'p.person_id', 'e.child_id')
      .select(['e.referral_date', 'e.referral_nfa', 'e.primary_need', 'e.closure_reason'])
      .where('p.la_child_id', '=', 'SAMPLE02')
      .orderBy('e.referral_date')
      .execute();
    expect(two).toEqual([
      { referral_date: '2025-04-10', referral_nfa: true, primary_need: 'N0', closure_reason: 'RC7' },
      { referral_date: '2025-09-15', referral_nfa: false, primary_need: 'N4', closure_reason: 'RC8' },
    ]);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await counts(store);
    const again = await importCinCensus(store.db, { xml: SAMPLE }, { actor: COMMAND_LINE });
    expect(again).toMatchObject({ alreadyImported: true, written: {} });
    // The same records in a file that is not byte-for-byte the same: matched record by record.
    const reformatted = Buffer.from(SAMPLE.toString().replace('<SerialNo>001</SerialNo>', '<SerialNo>002</SerialNo>'));
    const third = await importCinCensus(store.db, { xml: reformatted }, { actor: COMMAND_LINE });
    expect(third).toMatchObject({ alreadyImported: false, written: {}, notPlaced: [] });
    expect(await counts(store)).toEqual(before);
  });

  it('round trip: the return exported again holds the same records', async () => {
    const xml = await exportToString(store, 2026);
    expect(await childrenOf(xml)).toEqual(await childrenOf(SAMPLE));
    const file = await validateCinCensusFile({ xml: Buffer.from(xml) });
    expect(file.schemaValid).toBe(true);
    expect(file.errors).toBe(0);
  });

  it('a later return ends what the earlier one left open, and exports as it says', async () => {
    const later = SAMPLE.toString()
      .replace('<SerialNo>001</SerialNo>', '<SerialNo>003</SerialNo>')
      .replace(
        '<PrimaryNeedCode>N1</PrimaryNeedCode>\n        <Assessments>\n          <AssessmentActualStartDate>2025-05-02',
        '<PrimaryNeedCode>N1</PrimaryNeedCode>\n        <CINclosureDate>2026-03-20</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>\n        <Assessments>\n          <AssessmentActualStartDate>2025-05-02',
      )
      .replace('<CINPlanStartDate>2025-10-01</CINPlanStartDate>', '<CINPlanStartDate>2025-10-01</CINPlanStartDate><CINPlanEndDate>2026-03-20</CINPlanEndDate>')
      .replace(
        '<AssessmentActualStartDate>2026-03-10</AssessmentActualStartDate>',
        '<AssessmentActualStartDate>2026-03-10</AssessmentActualStartDate><AssessmentAuthorisationDate>2026-03-27</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment>',
      );
    expect((await validateCinCensusFile({ xml: Buffer.from(later) })).errors).toBe(0);
    const r = await importCinCensus(store.db, { xml: Buffer.from(later) }, { actor: COMMAND_LINE });
    expect(r.written).toEqual({ ended: 2, closures: 1 });
    const one = await store.db
      .selectFrom('cin_episode as e')
      .innerJoin('person as p', 'p.person_id', 'e.child_id')
      .select(['e.closure_date', 'e.closure_reason'])
      .where('p.la_child_id', '=', 'SAMPLE01')
      .executeTakeFirstOrThrow();
    expect(one).toEqual({ closure_date: '2026-03-20', closure_reason: 'RC7' });
    expect(await childrenOf(await exportToString(store, 2026))).toEqual(await childrenOf(later));
    // And once more: nothing new.
    expect((await importCinCensus(store.db, { xml: Buffer.from(later.replace('003', '004')) }, { actor: COMMAND_LINE })).written).toEqual({});
  });

  it('a file with a module out of the schema’s order is refused whole', async () => {
    const later = Buffer.from(
      SAMPLE.toString().replace(
        '<CINPlanDates>\n          <CINPlanStartDate>2025-10-01</CINPlanStartDate>\n        </CINPlanDates>',
        '<CINPlanDates>\n          <CINPlanStartDate>2025-10-01</CINPlanStartDate>\n        </CINPlanDates>\n        <Assessments><AssessmentActualStartDate>2026-01-05</AssessmentActualStartDate></Assessments>',
      ),
    );
    const before = await counts(store);
    await expect(importCinCensus(store.db, { xml: later }, { actor: COMMAND_LINE })).rejects.toThrow(ImportRefused);
    expect(await counts(store)).toEqual(before);
  });
});

describe('CIN census import refuses a broken file whole', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('a file that breaks the schema writes nothing, and says why', async () => {
    const error = await importCinCensus(store.db, { xml: fixture('cin-census-broken.xml') }, { actor: COMMAND_LINE }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).details.join('\n')).toMatch(/line 130: .*Expected is one of \( ExpectedPersonBirthDate, Sex \)/);
    expect(await counts(store)).toMatchObject({ person: 0, cin_episode: 0, chronology_entry: 0 });
    expect(await store.db.selectFrom('local_authority').selectAll().execute()).toEqual([]);
  });

  it('XML that is not well formed writes nothing, and says where it breaks', async () => {
    const cut = Buffer.from(SAMPLE.toString().slice(0, 3000));
    const error = await importCinCensus(store.db, { xml: cut }, { actor: COMMAND_LINE }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).details.join('\n')).toMatch(/^line \d+: /);
    expect(await counts(store)).toMatchObject({ person: 0 });
  });

  it('reports what it could not place, and loads the rest', async () => {
    // Two open child protection plans for one child: the case record holds one at a time.
    const twoOpen = SAMPLE.toString()
      .replace('<CPPendDate>2025-10-01</CPPendDate>', '')
      .replace('<CINPlanStartDate>2025-10-01</CINPlanStartDate>', '<CINPlanStartDate>2025-05-10</CINPlanStartDate><CINPlanEndDate>2025-05-20</CINPlanEndDate>');
    const withSecond = twoOpen.replace(
      '</ChildProtectionPlans>',
      '</ChildProtectionPlans><ChildProtectionPlans><CPPstartDate>2025-11-03</CPPstartDate><InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse><LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse><NumberOfPreviousCPP>2</NumberOfPreviousCPP></ChildProtectionPlans>',
    );
    const r = await importCinCensus(store.db, { xml: Buffer.from(withSecond) }, { actor: COMMAND_LINE });
    expect(r.notPlaced).toEqual([
      { childId: 'SAMPLE01', row: 'CINdetails 1 / ChildProtectionPlans 2', reason: 'The child already has an open child protection plan' },
    ]);
    expect(r.written.person).toBe(4);
    expect(r.written.cp_plan).toBe(1);
  });
});

describe('CIN census validation of a file with known errors', () => {
  it('names each failure: rule, message, child, module, row and fields', async () => {
    const r = await validateCinCensusFile({ xml: fixture('cin-census-errors.xml') });
    expect(r.schemaValid).toBe(true);
    const found = r.failures.map((f) => [f.code, f.childId, f.module, f.row, f.fields.join(';')]);
    expect(found).toEqual([
      ['100', null, 'Header', 'Header', 'ReferenceDate'],
      ['1510', 'SAMPLE01', 'ChildIdentifiers', null, 'UPN'],
      ['8805', 'SAMPLE02', 'CINdetails', 'CINdetails 2', 'CINclosureDate;ReasonForClosure'],
      ['8873Q', 'SAMPLE02', 'Assessments', 'CINdetails 2', 'ReasonForClosure;AssessmentFactors'],
      ['8750', 'SAMPLE03', 'ChildIdentifiers', null, 'Sex;PersonBirthDate;ExpectedPersonBirthDate'],
      ['4011', 'SAMPLE04', 'CINplanDates', 'CINdetails 1 / CINPlanDates 1', 'CINPlanEndDate;CINPlanStartDate'],
      ['4013', 'SAMPLE04', 'CINplanDates', 'CINdetails 1 / CINPlanDates 1', 'CINPlanEndDate;ReferenceDate'],
      ['2887Q', null, 'Disabilities', null, 'Disability'],
    ]);
    expect(r.failures.find((f) => f.code === '8750')?.message).toBe('Sex must equal U for an unborn child');
    expect(r).toMatchObject({ errors: 6, queries: 2, children: 4 });
  });

  it('reports schema failures with their line', async () => {
    const r = await validateCinCensusFile({ xml: fixture('cin-census-broken.xml') });
    expect(r.schemaValid).toBe(false);
    expect(r.failures[0]).toMatchObject({ code: 'XSD', severity: 'error', line: 130 });
  });
});

describe('CIN census export from a council built by hand', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await importCinCensus(store.db, { xml: SAMPLE }, { actor: COMMAND_LINE });
  });
  afterAll(async () => store.close());

  it('leaves out what happened after the reference date, and children not open in the year', async () => {
    // Events after 31 March 2026: SAMPLE01's CIN plan ends and the case closes in April; the
    // unborn child is born in May; a new child is referred in April 2026.
    const id = async (laChildId: string) =>
      (await store.db.selectFrom('person').select('person_id').where('la_child_id', '=', laChildId).executeTakeFirstOrThrow()).person_id;
    const one = await id('SAMPLE01');
    await sql`update cin_plan set end_date = '2026-04-10' where child_id = ${one}`.execute(store.db);
    await sql`update cin_episode set closure_date = '2026-04-10', closure_reason = 'RC7' where child_id = ${one}`.execute(store.db);
    await sql`update person set date_of_birth = '2026-05-14', sex = 'F' where la_child_id = 'SAMPLE03'`.execute(store.db);
    const two = await id('SAMPLE02');
    await sql`insert into cin_episode (la_code, episode_id, child_id, referral_date, referral_source, primary_need)
              values (${LA}, gen_random_uuid(), ${two}, '2026-04-02', '2A', 'N4')`.execute(store.db);

    const xml = await exportToString(store, 2026);
    expect(xml).toContain('<LEA>884</LEA>');
    expect(xml).toContain('<Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate>');
    const children = await childrenOf(xml);
    expect(children.map((c) => c.laChildId)).toEqual(['SAMPLE01', 'SAMPLE02', 'SAMPLE03', 'SAMPLE04']);
    const [c1, c2, c3] = children as [CensusChild, CensusChild, CensusChild];
    expect(c1.episodes[0]).toMatchObject({ closureDate: null, closureReason: null, cinPlans: [{ startDate: '2025-10-01', endDate: null }] });
    expect(c2.episodes.map((e) => e.referralDate)).toEqual(['2025-04-10', '2025-09-15']);
    expect(c3).toMatchObject({ birthDate: null, expectedBirthDate: '2026-05-15', sex: 'U' });

    // The year before (2024/25): only the case open then, with its CIN plan still open on 31 March 2025.
    const before = await childrenOf(await exportToString(store, 2025));
    expect(before.map((c) => c.laChildId)).toEqual(['SAMPLE04']);
    expect(before[0]?.episodes[0]).toMatchObject({ closureDate: null, cinPlans: [{ startDate: '2024-12-01', endDate: null }] });
    const file = await validateCinCensusFile({ xml: Buffer.from(await exportToString(store, 2025)) });
    expect(file).toMatchObject({ year: 2025, schemaValid: true, errors: 0 });
  });

  it('records in the audit trail that each child’s record was read for the return', async () => {
    const rows = await store.db.selectFrom('audit_event').select(['child_id']).where('action', '=', 'export').where('record_type', '=', 'cin-census').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
});
