/** The SSD's people and workforce objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, episodeOn, keyedPage, type SsdObject, ssdObject, yn } from './model.ts';

const children = (laCode: string, last: string | null, limit: number) =>
  sql`select p.person_id from person p where p.la_code = ${laCode} and p.is_child and ${after('p.person_id', last)} order by p.person_id limit ${limit}`;

const CHILD = 'the child’s Lantern id';

export const PEOPLE: SsdObject[] = [
  ssdObject(
    'ssd_person',
    keyedPage({ table: 'person', key: 'person_id', where: sql`t.is_child` }),
    {
      pers_person_id: ['t.person_id::text', CHILD],
      pers_forename: ['t.given_name', 'given name'],
      pers_surname: ['t.family_name', 'family name'],
      pers_sex: ['t.sex', 'sex as recorded (M, F, U)'],
      pers_gender: ["case t.sex when 'M' then '1' when 'F' then '2' else '0' end", 'the CIN census gender code from sex: 1 male, 2 female, 0 not known'],
      pers_ethnicity: ['t.ethnicity', 'ethnicity code (CIN census / SSDA903)'],
      pers_dob: [d('t.date_of_birth'), 'date of birth'],
      pers_common_child_id: ['t.la_child_id', 'the council’s child id (LA child id, as in the returns)'],
      pers_upn_unknown: ['t.upn_unknown', 'the UPN-unknown reason (UN1–UN10) when there is no UPN'],
      pers_expected_dob: [d('t.expected_date_of_birth'), 'expected date of birth (an unborn child)'],
      pers_death_date: [d('t.date_of_death'), 'date of death'],
      pers_is_mother: [
        yn("exists (select 1 from relationship r where r.la_code = t.la_code and r.related_person_id = t.person_id and r.relationship_type = 'mother')"),
        'Y when the child is recorded as a mother (a mother relationship to another person), else N',
      ],
    },
    {
      pers_legacy_id: 'Lantern keeps no earlier system’s id',
      pers_send_flag: 'Lantern does not record special educational needs',
      pers_nationality: 'Lantern does not record nationality',
    },
  ),
  ssdObject(
    'ssd_linked_identifiers',
    // Each child of the page (`t`) with each of their three identifiers (`i`), a row for each one recorded.
    (columns) => (laCode, last, limit) =>
      sql`
      with k as (${children(laCode, last, limit)})
      select t.person_id::text as _key, ${columns}, case when i.value is null then 'Y' end as _skip
      from k join person t on t.la_code = ${laCode} and t.person_id = k.person_id
      cross join lateral (values ('upn', 'Unique Pupil Number', t.upn), ('former-upn', 'Former Unique Pupil Number', t.former_upn), ('nhs', 'NHS Number', t.nhs_number)) as i(kind, label, value)
      order by t.person_id, i.kind`,
    {
      link_table_id: ["t.person_id::text || ':' || i.kind", 'the child’s id and the identifier’s kind'],
      link_person_id: ['t.person_id::text', CHILD],
      link_identifier_type: ['i.label', '`Unique Pupil Number`, `Former Unique Pupil Number` or `NHS Number`'],
      link_identifier_value: ['i.value', 'the UPN, former UPN or NHS number on the child’s record'],
    },
    {
      link_valid_from_date: 'Lantern keeps the current identifiers, not their history',
      link_valid_to_date: 'as link_valid_from_date',
    },
  ),
  ssdObject(
    'ssd_disability',
    // Each child of the page (`t`) with each disability code (`c`), a row for each.
    (columns) => (laCode, last, limit) =>
      sql`
      with k as (${children(laCode, last, limit)})
      select t.person_id::text as _key, ${columns}, case when c is null then 'Y' end as _skip
      from k join person t on t.la_code = ${laCode} and t.person_id = k.person_id left join lateral unnest(t.disabilities) as c on true
      order by t.person_id, c`,
    {
      disa_person_id: ['t.person_id::text', CHILD],
      disa_table_id: ["t.person_id::text || ':' || c", 'the child’s id and the code'],
      disa_disability_code: ['c', 'each CIN census disability code on the child’s record, one row each'],
    },
  ),
  ssdObject(
    'ssd_address',
    // The addresses of the council's children.
    keyedPage({ table: 'address', key: 'address_id', join: sql`join person p on p.la_code = t.la_code and p.person_id = t.person_id and p.is_child` }),
    {
      addr_table_id: ['t.address_id::text', 'the address’s Lantern id'],
      addr_address_json: [
        "json_build_object('line1', t.line1, 'line2', t.line2, 'town', t.town, 'postcode', t.postcode)::text",
        'JSON {"line1", "line2", "town", "postcode"}',
      ],
      addr_person_id: ['t.person_id::text', CHILD],
      addr_address_start_date: [d('t.start_date'), 'the date the child lived there from'],
      addr_address_end_date: [d('t.end_date'), 'the date they left (blank while current)'],
      addr_address_postcode: ['t.postcode', 'postcode'],
    },
    { addr_address_type: 'Lantern records where a child lives, without a type' },
  ),
  ssdObject('ssd_department', keyedPage({ table: 'team', key: 'team_id' }), {
    dept_team_id: ['t.team_id::text', 'the team’s Lantern id'],
    dept_team_name: ['t.name', 'team name'],
    dept_team_parent_id: ['t.service', 'the service the team is in (its name)'],
    dept_team_parent_name: ['t.service', 'the service’s name'],
  }),
  ssdObject('ssd_professionals', keyedPage({ table: 'worker', key: 'worker_id' }), {
    prof_professional_id: ['t.worker_id::text', 'the worker’s Lantern id'],
    prof_staff_id: ['t.worker_id::text', 'the worker’s Lantern id'],
    prof_professional_name: ["t.given_name || ' ' || t.family_name", 'given and family name'],
    prof_social_worker_registration_no: ['t.swe_number', 'Social Work England number'],
    prof_professional_job_title: ['t.job_role', 'job role (Lantern’s code: social-worker, team-manager, iro…)'],
    prof_professional_caseload: [
      '(select count(distinct a.child_id) from allocation a where a.la_code = t.la_code and a.worker_id = t.worker_id and a.end_date is null)::text',
      'children allocated to the worker today',
    ],
    prof_professional_department: ['t.team_id::text', 'the worker’s team (ssd_department)'],
    prof_full_time_equivalency: ["trim(to_char(t.fte, 'FM0.000'))", 'FTE (0 to 1)'],
    prof_agency_worker_flag: [yn("t.employment = 'agency'"), 'Y for an agency worker, else N'],
  }),
  ssdObject('ssd_involvements', keyedPage({ table: 'allocation', key: 'allocation_id' }), {
    invo_involvements_id: ['t.allocation_id::text', 'the allocation’s Lantern id'],
    invo_professional_id: ['t.worker_id::text', 'the worker allocated (ssd_professionals)'],
    invo_professional_role_id: ['t.allocation_role', 'the allocation’s role (social-worker, iro, personal-adviser…)'],
    invo_professional_team: [
      '(select w.team_id::text from worker w where w.la_code = t.la_code and w.worker_id = t.worker_id)',
      'the worker’s team (ssd_department)',
    ],
    invo_involvement_start_date: [d('t.start_date'), 'start date'],
    invo_involvement_end_date: [d('t.end_date'), 'end date (blank while allocated)'],
    invo_worker_change_reason: ['t.end_reason', 'the reason the allocation ended'],
    invo_person_id: ['t.child_id::text', CHILD],
    invo_referral_id: [episodeOn('t.start_date'), 'the CIN episode open on the start date (ssd_cin_episodes)'],
  }),
];
