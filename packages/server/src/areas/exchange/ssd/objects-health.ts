/** The SSD's health objects for looked-after children, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, keyedPage, type SsdObject, yn, ynNull } from './model.ts';

export const HEALTH: SsdObject[] = [
  {
    object: 'ssd_cla_health',
    from: {
      clah_health_check_id: 'the health check’s Lantern id',
      clah_person_id: 'the child’s Lantern id',
      clah_health_check_type: 'initial-health-assessment, review-health-assessment or dental',
      clah_health_check_date: 'the date it was done',
    },
    blank: { clah_health_check_status: 'Lantern records checks that were done' },
    page: keyedPage(
      { table: 'health_check', key: 'check_id' },
      sql`
      t.check_id::text as clah_health_check_id, t.child_id::text as clah_person_id, t.kind as clah_health_check_type,
        ${d('t.done_on')} as clah_health_check_date`,
    ),
  },
  {
    object: 'ssd_sdq_scores',
    from: {
      csdq_table_id: 'the SSDA903 OC2 outcome’s Lantern id',
      csdq_person_id: 'the child’s Lantern id',
      csdq_sdq_completed_date: 'the date the outcome was recorded',
      csdq_sdq_reason: 'the reason there is no score (SDQ1–SDQ5)',
      csdq_sdq_score: 'the total difficulties score (0–40)',
    },
    blank: {},
    page: keyedPage(
      { table: 'health_outcome', key: 'outcome_id' },
      sql`
      t.outcome_id::text as csdq_table_id, t.child_id::text as csdq_person_id, ${d('t.recorded_on')} as csdq_sdq_completed_date,
        t.sdq_reason as csdq_sdq_reason, t.sdq_score::text as csdq_sdq_score`,
    ),
  },
  {
    object: 'ssd_cla_substance_misuse',
    from: {
      clas_substance_misuse_id: 'the SSDA903 OC2 outcome’s Lantern id',
      clas_person_id: 'the child’s Lantern id',
      clas_substance_misuse_date: 'the date the outcome was recorded',
      clas_substance_misused: 'Y when the child had a substance misuse problem',
      clas_intervention_received: 'Y or N when an intervention was received (blank when not recorded)',
    },
    blank: {},
    page: keyedPage(
      { table: 'health_outcome', key: 'outcome_id' },
      sql`
      t.outcome_id::text as clas_substance_misuse_id, t.child_id::text as clas_person_id,
        ${d('t.recorded_on')} as clas_substance_misuse_date, ${yn('t.substance_misuse')} as clas_substance_misused,
        ${ynNull('t.intervention_received')} as clas_intervention_received`,
    ),
  },
  {
    object: 'ssd_cla_immunisations',
    from: {
      clai_person_id: 'the child’s Lantern id',
      clai_immunisations_status: 'Y when immunisations were up to date at the latest OC2 outcome, else N',
      clai_immunisations_status_date: 'the date of that outcome',
    },
    blank: {},
    page: (laCode, last, limit) => sql`
      select distinct on (t.child_id) t.child_id::text as _key, t.child_id::text as clai_person_id, ${yn('t.immunisations_up_to_date')} as clai_immunisations_status,
        ${d('t.recorded_on')} as clai_immunisations_status_date
      from health_outcome t where t.la_code = ${laCode} and ${after('t.child_id', last)}
      order by t.child_id, t.recorded_on desc, t.outcome_id desc limit ${limit}`,
  },
];
