/** The SSD's previous permanence and early help objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, keyedPage, type SsdObject } from './model.ts';

export const MORE: SsdObject[] = [
  {
    object: 'ssd_mother',
    from: {
      moth_table_id: 'the relationship’s Lantern id',
      moth_person_id: 'the mother: a child of the council (ssd_person)',
      moth_childs_person_id: 'her child’s Lantern id (a person beside the child’s record; in ssd_person only if a child of the council)',
      moth_childs_dob: 'her child’s date of birth',
    },
    blank: {},
    page: (laCode, last, limit) => sql`
      select t.relationship_id::text as _key, t.relationship_id::text as moth_table_id, t.related_person_id::text as moth_person_id,
        t.person_id::text as moth_childs_person_id, ${d('b.date_of_birth')} as moth_childs_dob
      from relationship t join person m on m.la_code = t.la_code and m.person_id = t.related_person_id and m.is_child
        join person b on b.la_code = t.la_code and b.person_id = t.person_id
      where t.la_code = ${laCode} and t.relationship_type = 'mother' and ${after('t.relationship_id', last)} order by t.relationship_id limit ${limit}`,
  },
  {
    object: 'ssd_cla_previous_permanence',
    from: {
      lapp_table_id: 'the child’s id and the period of care it was recorded at',
      lapp_person_id: 'the child’s Lantern id',
      lapp_previous_permanence_order_date: 'the order’s date as the SSDA903 gives it (dd/mm/yyyy, ZZ for an unknown day or month)',
      lapp_previous_permanence_option: 'PREV_PERM (P1–P4, Z1)',
      lapp_previous_permanence_la: 'LA_PERM (the council that made the order)',
    },
    blank: {},
    page: (laCode, last, limit) => sql`
      select t.child_id::text as _key, t.child_id::text || ':' || t.period_id::text as lapp_table_id, t.child_id::text as lapp_person_id,
        t.date_perm as lapp_previous_permanence_order_date, t.prev_perm as lapp_previous_permanence_option, t.la_perm as lapp_previous_permanence_la
      from previous_permanence t where t.la_code = ${laCode} and t.child_id in (
        select distinct c.child_id from previous_permanence c where c.la_code = ${laCode} and ${after('c.child_id', last)} order by c.child_id limit ${limit})
      order by t.child_id, t.period_id`,
  },
  {
    object: 'ssd_early_help_episodes',
    from: {
      earl_episode_id: 'the early help episode’s Lantern id',
      earl_person_id: 'the child’s Lantern id',
      earl_episode_start_date: 'start date',
      earl_episode_end_date: 'end date',
      earl_episode_reason: 'the reasons for early help, as written',
      earl_episode_end_reason: 'how it ended: needs-met, stepped-up or disengaged',
      earl_episode_worker_id: 'the lead professional when a worker of the council (ssd_professionals)',
    },
    blank: { earl_episode_organisation: 'a lead professional from a partner agency is in Lantern’s partners register, which the SSD does not carry' },
    page: keyedPage(
      { table: 'early_help_episode', key: 'early_help_id' },
      sql`
      t.early_help_id::text as earl_episode_id, t.child_id::text as earl_person_id, ${d('t.started_on')} as earl_episode_start_date,
        ${d('t.ended_on')} as earl_episode_end_date, t.reasons as earl_episode_reason, t.end_outcome as earl_episode_end_reason, t.lead_worker_id::text as earl_episode_worker_id`,
    ),
  },
];
