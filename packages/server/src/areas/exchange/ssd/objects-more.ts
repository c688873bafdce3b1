/** The SSD's previous permanence and early help objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, CHILD_ID, d, keyedPage, type SsdObject, ssdObject } from './model.ts';

export const MORE: SsdObject[] = [
  ssdObject(
    'ssd_mother',
    // A mother relationship (`t`) between a child of the council (`m`) and her child (`b`).
    keyedPage({
      table: 'relationship',
      key: 'relationship_id',
      join: sql`join person m on m.la_code = t.la_code and m.person_id = t.related_person_id and m.is_child
        join person b on b.la_code = t.la_code and b.person_id = t.person_id`,
      where: sql`t.relationship_type = 'mother'`,
    }),
    {
      moth_table_id: ['t.relationship_id::text', 'the relationship’s Lantern id'],
      moth_person_id: ['t.related_person_id::text', 'the mother: a child of the council (ssd_person)'],
      moth_childs_person_id: ['t.person_id::text', 'her child’s Lantern id (a person beside the child’s record; in ssd_person only if a child of the council)'],
      moth_childs_dob: [d('b.date_of_birth'), 'her child’s date of birth'],
    },
  ),
  ssdObject(
    'ssd_cla_previous_permanence',
    // Every period's record of the children of the page.
    (columns) => (laCode, last, limit) =>
      sql`
      select t.child_id::text as _key, ${columns}
      from previous_permanence t where t.la_code = ${laCode} and t.child_id in (
        select distinct c.child_id from previous_permanence c where c.la_code = ${laCode} and ${after('c.child_id', last)} order by c.child_id limit ${limit})
      order by t.child_id, t.period_id`,
    {
      lapp_table_id: ["t.child_id::text || ':' || t.period_id::text", 'the child’s id and the period of care it was recorded at'],
      lapp_person_id: CHILD_ID,
      lapp_previous_permanence_order_date: ['t.date_perm', 'the order’s date as the SSDA903 gives it (dd/mm/yyyy, ZZ for an unknown day or month)'],
      lapp_previous_permanence_option: ['t.prev_perm', 'PREV_PERM (P1–P4, Z1)'],
      lapp_previous_permanence_la: ['t.la_perm', 'LA_PERM (the council that made the order)'],
    },
  ),
  ssdObject(
    'ssd_early_help_episodes',
    keyedPage({ table: 'early_help_episode', key: 'early_help_id' }),
    {
      earl_episode_id: ['t.early_help_id::text', 'the early help episode’s Lantern id'],
      earl_person_id: CHILD_ID,
      earl_episode_start_date: [d('t.started_on'), 'start date'],
      earl_episode_end_date: [d('t.ended_on'), 'end date'],
      earl_episode_reason: ['t.reasons', 'the reasons for early help, as written'],
      earl_episode_end_reason: ['t.end_outcome', 'how it ended: needs-met, stepped-up or disengaged'],
      earl_episode_worker_id: ['t.lead_worker_id::text', 'the lead professional when a worker of the council (ssd_professionals)'],
    },
    { earl_episode_organisation: 'a lead professional from a partner agency is in Lantern’s partners register, which the SSD does not carry' },
  ),
];
