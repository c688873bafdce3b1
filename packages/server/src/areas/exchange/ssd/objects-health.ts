/** The SSD's health objects for looked-after children, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, CHILD_ID, d, keyedPage, type SsdObject, ssdObject, yn, ynNull } from './model.ts';

export const HEALTH: SsdObject[] = [
  ssdObject(
    'ssd_cla_health',
    keyedPage({ table: 'health_check', key: 'check_id' }),
    {
      clah_health_check_id: ['t.check_id::text', 'the health check’s Lantern id'],
      clah_person_id: CHILD_ID,
      clah_health_check_type: ['t.kind', 'initial-health-assessment, review-health-assessment or dental'],
      clah_health_check_date: [d('t.done_on'), 'the date it was done'],
    },
    { clah_health_check_status: 'Lantern records checks that were done' },
  ),
  ssdObject('ssd_sdq_scores', keyedPage({ table: 'health_outcome', key: 'outcome_id' }), {
    csdq_table_id: ['t.outcome_id::text', 'the SSDA903 OC2 outcome’s Lantern id'],
    csdq_person_id: CHILD_ID,
    csdq_sdq_completed_date: [d('t.recorded_on'), 'the date the outcome was recorded'],
    csdq_sdq_reason: ['t.sdq_reason', 'the reason there is no score (SDQ1–SDQ5)'],
    csdq_sdq_score: ['t.sdq_score::text', 'the total difficulties score (0–40)'],
  }),
  ssdObject('ssd_cla_substance_misuse', keyedPage({ table: 'health_outcome', key: 'outcome_id' }), {
    clas_substance_misuse_id: ['t.outcome_id::text', 'the SSDA903 OC2 outcome’s Lantern id'],
    clas_person_id: CHILD_ID,
    clas_substance_misuse_date: [d('t.recorded_on'), 'the date the outcome was recorded'],
    clas_substance_misused: [yn('t.substance_misuse'), 'Y when the child had a substance misuse problem'],
    clas_intervention_received: [ynNull('t.intervention_received'), 'Y or N when an intervention was received (blank when not recorded)'],
  }),
  ssdObject(
    'ssd_cla_immunisations',
    // The latest OC2 outcome of each child.
    (columns) => (laCode, last, limit) =>
      sql`
      select distinct on (t.child_id) t.child_id::text as _key, ${columns}
      from health_outcome t where t.la_code = ${laCode} and ${after('t.child_id', last)}
      order by t.child_id, t.recorded_on desc, t.outcome_id desc limit ${limit}`,
    {
      clai_person_id: CHILD_ID,
      clai_immunisations_status: [yn('t.immunisations_up_to_date'), 'Y when immunisations were up to date at the latest OC2 outcome, else N'],
      clai_immunisations_status_date: [d('t.recorded_on'), 'the date of that outcome'],
    },
  ),
];
