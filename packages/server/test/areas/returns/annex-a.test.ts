import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnexACouncil } from '../../helpers/annex-a-council.ts';
import { FIXTURE_PASSWORD, LA } from '../../helpers/fixture.ts';
import { client, signInAs, startTestServer, type TestServer } from '../../helpers/server.ts';
import { readWorkbook, type Sheet } from '../../helpers/workbook.ts';

// Annex A as at Monday 30 November 2026 for the hand-built council (see the helper for every
// child's story). Six months: 31/05/2026–30/11/2026; twelve: 01/12/2025–30/11/2026.
let server: TestServer;
let ids: Awaited<ReturnType<typeof buildAnnexACouncil>>;
let analystCookie: string;
let sheets: Sheet[];

const T1 = ['T1', 'b) Female', 'a) WBRI', '12/03/2015', 11];
const T2 = ['T2', 'a) Male', 'a) WBRI', '01/07/2012', 14];
const T3 = ['T3', 'b) Female', 'a) WBRI', '30/11/2019', 7];
const T4 = ['T4', 'a) Male', 'o) BAFR', '14/02/2021', 5];
const AVA = ['Children in need 1', 'Ava Tester'];
const BEA = ['Children in need 2', 'Bea Tester'];
const list = (n: number) => sheets.find((s) => s.name.startsWith(`List ${n} `)) as Sheet;

beforeAll(async () => {
  server = await startTestServer();
  ids = await buildAnnexACouncil(server.store.db);
  analystCookie = await signInAs(server, 'analyst', FIXTURE_PASSWORD);
  const res = await fetch(`${server.url}/api/returns/annex-a?asOf=2026-11-30`, { headers: { cookie: analystCookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${LA}-annex-a-2026-11-30.xlsx"`);
  sheets = await readWorkbook(await res.arrayBuffer());
});
afterAll(() => server?.close());

describe('Annex A workbook', () => {
  it('has one sheet a list, each with its header row frozen and styled, dates as real dd/mm/yyyy dates', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'List 1 Contacts',
      'List 2 Early Help Assessments',
      'List 3 Referrals',
      'List 4 Assessments',
      'List 5 S47 enquiries and ICPCs',
      'List 6 Children in need',
      'List 7 Child protection',
      'List 8 Children in care',
      'List 9 Leaving care services',
      'List 10 Adoption',
      'List 11 Adopters',
    ]);
    const contacts = list(1);
    expect(contacts.headers).toEqual(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Date of Contact', 'Contact Source']);
    expect(contacts.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(contacts.sheet.getRow(1).font?.bold).toBe(true);
    const dob = contacts.sheet.getRow(2).getCell(4);
    expect(dob.value).toBeInstanceOf(Date);
    expect(dob.numFmt).toBe('dd/mm/yyyy');
    expect(list(2).headers.slice(5)).toEqual(['Assessment start date', 'Assessment completion date', 'Organisation completing assessment']);
    expect(list(2).rows).toEqual([]);
    expect(list(11).headers[0]).toBe('Individual adopter identifier');
    expect(list(11).rows).toEqual([]);
  });

  it('list 1: contacts from the first day of the six months to the as-of date, not the day before or after', () => {
    expect(list(1).rows).toEqual([
      [...T1, '31/05/2026', 'd) Health services'],
      [...T2, '30/11/2026', 'g) Police'],
    ]);
  });

  it('list 3: referrals in the six months, with the referrals in the twelve months before each', () => {
    expect(list(3).headers.slice(5)).toEqual([
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      'Allocated Team',
      'Allocated Worker',
    ]);
    expect(list(3).rows).toEqual([
      [...T1, '15/06/2026', 'b) Schools', 'N', 1, ...AVA],
      [...T3, '01/10/2026', 'j) Anonymous', 'Y', 0, null, null],
    ]);
  });

  it('list 4: assessments open in the six months (one authorised on its first day), seen and outcome', () => {
    expect(list(4).rows).toEqual([
      [...T1, 'N', '15/06/2026', 'Y', '03/07/2026', 'Y', ...AVA],
      [...T2, 'N', '02/03/2026', 'N', '31/05/2026', 'N', ...BEA],
      [...T4, 'Y', '01/11/2026', 'N', null, null, ...BEA],
    ]);
  });

  it('list 5: enquiries open in the six months, with the initial conference and the counts before each', () => {
    expect(list(5).headers[6]).toBe('Strategy discussion initiating Section 47 Enquiry Start Date');
    expect(list(5).rows).toEqual([
      [...T1, 'N', '05/07/2026', 'N', '25/07/2026', 'Y', 0, 0, ...AVA],
      [...T2, 'N', '25/05/2026', null, null, null, 1, 0, ...BEA],
    ]);
  });

  it('list 6: episodes open in the six months (not NFA referrals), last seen and case status', () => {
    expect(list(6).rows).toEqual([
      [...T1, 'N', '15/06/2026', 'a) N1 Abuse or neglect', '20/11/2026', null, null, 'b) Child protection plan', ...AVA],
      [...T2, 'N', '01/03/2026', 'c) N3 Parental illness or disability', null, '01/06/2026', 'RC7', 'e) Closed episode', ...BEA],
      [...T4, 'Y', '20/05/2026', "b) N2 Child's disability", '15/11/2026', null, null, 'a) Looked after child', ...BEA],
    ]);
  });

  it('list 7: plans open in the six months; the last visit the child was seen on or before the as-of date', () => {
    expect(list(7).rows).toEqual([[...T1, 'N', '25/07/2026', 'a) Neglect', 'd) Emotional', '20/11/2026', 'Y', '10/10/2026', null, 'N', 1, ...AVA]]);
  });

  it('list 8: one row a child looked after in the six months (one who left on its first day), placement, visits, health and missing', () => {
    const headers = list(8).headers;
    expect(headers.length).toBe(5 + 29);
    expect(headers.slice(5, 8)).toEqual(['UASC within the Last 12 Months (Y/N)', 'Disability', 'Date Started to be Looked After']);
    // biome-ignore format: one child a line
    expect(list(8).rows).toEqual([
      [...T2, 'N', 'N', '01/10/2025', 'c) N3 Parental illness or disability', 'N', '01/10/2025', 'd) Accommodated under section 20', null, null, null, null, null, null, 1, '31/05/2026', 'E4A', '01/10/2025', 'e) Children’s home', 'b) Private', 'HR2 6AB', 'SC222222', null, null, 0, 0, null, null, ...BEA],
      [...T3, 'N', 'N', '01/11/2025', 'a) N1 Abuse or neglect', 'N', '01/07/2026', 'c) Placement order or freeing order', null, null, 'b) Adoption', null, null, null, 2, null, null, '01/07/2026', 'b) Placed for adoption', 'a) Own LA', null, null, null, null, 0, 0, null, null, null, null],
      [...T4, 'N', 'Y', '20/05/2026', "b) N2 Child's disability", 'N', '01/08/2026', 'a) Interim care order', '15/08/2026', '15/11/2026', 'f) Long-term fostering', '10/08/2026', '10/06/2026', '01/07/2026', 1, null, null, '20/05/2026', 'a) Foster placement', 'a) Own LA', 'HR1 1AA', 'SC111111', null, null, 2, 1, 'N', null, ...BEA],
    ]);
  });

  it('list 9: care leavers still supported in the six months, with their PA, contact, accommodation and activity', () => {
    expect(list(9).rows).toEqual([
      [
        'T5',
        'b) Female',
        'o) BAFR',
        '01/04/2007',
        19,
        'Y',
        'N',
        null,
        null,
        'Amir Tester',
        'b) Former relevant',
        '01/09/2026',
        'a) In touch',
        '01/11/2026',
        'k) Independent living',
        'a) Suitable',
        'F5: Full-time training or employment',
      ],
    ]);
  });

  it('list 10: adoptions in progress in the twelve months, with the family identifier column second', () => {
    expect(list(10).headers.slice(0, 3)).toEqual(['Child Unique ID', 'Family identifier', 'Gender']);
    expect(list(10).rows).toEqual([
      [
        'T3',
        null,
        'b) Female',
        'a) WBRI',
        '30/11/2019',
        7,
        'N',
        '01/11/2025',
        '01/02/2026',
        '01/03/2026',
        '01/06/2026',
        '01/07/2026',
        null,
        null,
        null,
        '01/11/2025',
      ],
    ]);
  });

  it('audits the export, and each child once for every list they are on', async () => {
    const rows = await server.store.db
      .selectFrom('audit_event')
      .select(['child_id', 'record_id', 'record_type', 'username', 'detail'])
      .where('la_code', '=', LA)
      .where('action', '=', 'export')
      .where('record_type', 'in', ['annex-a', 'annex-a-file'])
      .execute();
    const listsOf = (child: string) =>
      rows
        .filter((r) => r.child_id === child)
        .map((r) => r.record_id)
        .sort();
    expect(listsOf(ids.T2)).toEqual(['assessments', 'children-in-care', 'children-in-need', 'contacts', 'section-47']);
    expect(listsOf(ids.T5)).toEqual(['care-leavers']);
    expect(listsOf(ids.T6)).toEqual([]);
    const file = rows.filter((r) => r.record_type === 'annex-a-file');
    expect(file).toHaveLength(1);
    expect(file[0]).toMatchObject({ username: 'analyst', child_id: null });
    expect(file[0]?.detail).toMatchObject({ asOf: '2026-11-30', children: 5 });
  });

  it('refuses a social worker, a date that is not real and one in the future, naming the field', async () => {
    const sw = client(server, await signInAs(server, 'sw', FIXTURE_PASSWORD));
    expect((await sw.get('/api/returns/annex-a?asOf=2026-11-30')).status).toBe(403);
    const analyst = client(server, analystCookie);
    const bad = await analyst.get('/api/returns/annex-a?asOf=2026-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
    const future = await analyst.get('/api/returns/annex-a?asOf=2099-01-01');
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'asOf', rule: 'not-in-future' });
  });
});
