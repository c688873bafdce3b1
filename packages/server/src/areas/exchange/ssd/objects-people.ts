/** The SSD's people and workforce objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, keyedPage, type SsdObject, yn } from './model.ts';

const children = (laCode: string, last: string | null, limit: number) =>
  sql`select p.person_id from person p where p.la_code = ${laCode} and p.is_child and ${after('p.person_id', last)} order by p.person_id limit ${limit}`;

export const PEOPLE: SsdObject[] = [
  {
    object: 'ssd_person',
    from: {
      pers_person_id: 'the child’s Lantern id',
      pers_forename: 'given name',
      pers_surname: 'family name',
      pers_sex: 'sex as recorded (M, F, U)',
      pers_gender: 'the CIN census gender code from sex: 1 male, 2 female, 0 not known',
      pers_ethnicity: 'ethnicity code (CIN census / SSDA903)',
      pers_dob: 'date of birth',
      pers_common_child_id: 'the council’s child id (LA child id, as in the returns)',
      pers_upn_unknown: 'the UPN-unknown reason (UN1–UN10) when there is no UPN',
      pers_expected_dob: 'expected date of birth (an unborn child)',
      pers_death_date: 'date of death',
      pers_is_mother: 'Y when the child is recorded as a mother (a mother relationship to another person), else N',
    },
    blank: {
      pers_legacy_id: 'Lantern keeps no earlier system’s id',
      pers_send_flag: 'Lantern does not record special educational needs',
      pers_nationality: 'Lantern does not record nationality',
    },
    page: keyedPage(
      { table: 'person', key: 'person_id', where: sql`t.is_child` },
      sql`
      t.person_id::text as pers_person_id, t.given_name as pers_forename, t.family_name as pers_surname,
        t.sex as pers_sex, case t.sex when 'M' then '1' when 'F' then '2' else '0' end as pers_gender, t.ethnicity as pers_ethnicity,
        ${d('t.date_of_birth')} as pers_dob, t.la_child_id as pers_common_child_id, t.upn_unknown as pers_upn_unknown,
        ${d('t.expected_date_of_birth')} as pers_expected_dob, ${d('t.date_of_death')} as pers_death_date,
        ${yn("exists (select 1 from relationship r where r.la_code = t.la_code and r.related_person_id = t.person_id and r.relationship_type = 'mother')")} as pers_is_mother`,
    ),
  },
  {
    object: 'ssd_linked_identifiers',
    from: {
      link_table_id: 'the child’s id and the identifier’s kind',
      link_person_id: 'the child’s Lantern id',
      link_identifier_type: '`Unique Pupil Number`, `Former Unique Pupil Number` or `NHS Number`',
      link_identifier_value: 'the UPN, former UPN or NHS number on the child’s record',
    },
    blank: {
      link_valid_from_date: 'Lantern keeps the current identifiers, not their history',
      link_valid_to_date: 'as link_valid_from_date',
    },
    page: (laCode, last, limit) => sql`
      with k as (${children(laCode, last, limit)})
      select t.person_id::text as _key, t.person_id::text || ':' || i.kind as link_table_id, t.person_id::text as link_person_id,
        i.label as link_identifier_type, i.value as link_identifier_value, case when i.value is null then 'Y' end as _skip
      from k join person t on t.la_code = ${laCode} and t.person_id = k.person_id
      cross join lateral (values ('upn', 'Unique Pupil Number', t.upn), ('former-upn', 'Former Unique Pupil Number', t.former_upn), ('nhs', 'NHS Number', t.nhs_number)) as i(kind, label, value)
      order by t.person_id, i.kind`,
  },
  {
    object: 'ssd_disability',
    from: {
      disa_person_id: 'the child’s Lantern id',
      disa_table_id: 'the child’s id and the code',
      disa_disability_code: 'each CIN census disability code on the child’s record, one row each',
    },
    blank: {},
    page: (laCode, last, limit) => sql`
      with k as (${children(laCode, last, limit)})
      select t.person_id::text as _key, t.person_id::text as disa_person_id, t.person_id::text || ':' || c as disa_table_id, c as disa_disability_code, case when c is null then 'Y' end as _skip
      from k join person t on t.la_code = ${laCode} and t.person_id = k.person_id left join lateral unnest(t.disabilities) as c on true
      order by t.person_id, c`,
  },
  {
    object: 'ssd_address',
    from: {
      addr_table_id: 'the address’s Lantern id',
      addr_address_json: 'JSON {"line1", "line2", "town", "postcode"}',
      addr_person_id: 'the child’s Lantern id',
      addr_address_start_date: 'the date the child lived there from',
      addr_address_end_date: 'the date they left (blank while current)',
      addr_address_postcode: 'postcode',
    },
    blank: { addr_address_type: 'Lantern records where a child lives, without a type' },
    page: (laCode, last, limit) => sql`
      select t.address_id::text as _key, t.address_id::text as addr_table_id,
        json_build_object('line1', t.line1, 'line2', t.line2, 'town', t.town, 'postcode', t.postcode)::text as addr_address_json,
        t.person_id::text as addr_person_id, ${d('t.start_date')} as addr_address_start_date, ${d('t.end_date')} as addr_address_end_date,
        t.postcode as addr_address_postcode
      from address t join person p on p.la_code = t.la_code and p.person_id = t.person_id and p.is_child
      where t.la_code = ${laCode} and ${after('t.address_id', last)} order by t.address_id limit ${limit}`,
  },
  {
    object: 'ssd_department',
    from: {
      dept_team_id: 'the team’s Lantern id',
      dept_team_name: 'team name',
      dept_team_parent_id: 'the service the team is in (its name)',
      dept_team_parent_name: 'the service’s name',
    },
    blank: {},
    page: keyedPage(
      { table: 'team', key: 'team_id' },
      sql`
      t.team_id::text as dept_team_id, t.name as dept_team_name, t.service as dept_team_parent_id, t.service as dept_team_parent_name`,
    ),
  },
  {
    object: 'ssd_professionals',
    from: {
      prof_professional_id: 'the worker’s Lantern id',
      prof_staff_id: 'the worker’s Lantern id',
      prof_professional_name: 'given and family name',
      prof_social_worker_registration_no: 'Social Work England number',
      prof_professional_job_title: 'job role (Lantern’s code: social-worker, team-manager, iro…)',
      prof_professional_caseload: 'children allocated to the worker today',
      prof_professional_department: 'the worker’s team (ssd_department)',
      prof_full_time_equivalency: 'FTE (0 to 1)',
      prof_agency_worker_flag: 'Y for an agency worker, else N',
    },
    blank: {},
    page: keyedPage(
      { table: 'worker', key: 'worker_id' },
      sql`
      t.worker_id::text as prof_professional_id, t.worker_id::text as prof_staff_id,
        t.given_name || ' ' || t.family_name as prof_professional_name, t.swe_number as prof_social_worker_registration_no,
        t.job_role as prof_professional_job_title,
        (select count(distinct a.child_id) from allocation a where a.la_code = t.la_code and a.worker_id = t.worker_id and a.end_date is null)::text as prof_professional_caseload,
        t.team_id::text as prof_professional_department, trim(to_char(t.fte, 'FM0.000')) as prof_full_time_equivalency,
        ${yn("t.employment = 'agency'")} as prof_agency_worker_flag`,
    ),
  },
  {
    object: 'ssd_involvements',
    from: {
      invo_involvements_id: 'the allocation’s Lantern id',
      invo_professional_id: 'the worker allocated (ssd_professionals)',
      invo_professional_role_id: 'the allocation’s role (social-worker, iro, personal-adviser…)',
      invo_professional_team: 'the worker’s team (ssd_department)',
      invo_involvement_start_date: 'start date',
      invo_involvement_end_date: 'end date (blank while allocated)',
      invo_worker_change_reason: 'the reason the allocation ended',
      invo_person_id: 'the child’s Lantern id',
      invo_referral_id: 'the CIN episode open on the start date (ssd_cin_episodes)',
    },
    blank: {},
    page: keyedPage(
      { table: 'allocation', key: 'allocation_id' },
      sql`
      t.allocation_id::text as invo_involvements_id, t.worker_id::text as invo_professional_id,
        t.allocation_role as invo_professional_role_id,
        (select w.team_id::text from worker w where w.la_code = t.la_code and w.worker_id = t.worker_id) as invo_professional_team,
        ${d('t.start_date')} as invo_involvement_start_date, ${d('t.end_date')} as invo_involvement_end_date, t.end_reason as invo_worker_change_reason,
        t.child_id::text as invo_person_id,
        (select e.episode_id::text from cin_episode e where e.la_code = t.la_code and e.child_id = t.child_id and e.referral_date <= t.start_date
          and (e.closure_date is null or e.closure_date >= t.start_date) order by e.referral_date desc limit 1) as invo_referral_id`,
    ),
  },
];
