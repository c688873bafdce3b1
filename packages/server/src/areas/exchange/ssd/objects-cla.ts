/** The SSD's looked-after and care leaver objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, d, episodeOn, keyedPage, type SsdObject, ts, yn, ynNull } from './model.ts';

const allocatedNow = (role: string, what: 'worker' | 'team') =>
  sql.raw(`(select ${what === 'worker' ? 'a.worker_id::text' : 'w.team_id::text'} from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
    where a.la_code = t.la_code and a.child_id = t.child_id and a.allocation_role = '${role}' and a.end_date is null limit 1)`);

export const CLA: SsdObject[] = [
  {
    object: 'ssd_cla_episodes',
    from: {
      clae_cla_episode_id: 'the episode of care’s Lantern id (an SSDA903 episode)',
      clae_person_id: 'the child’s Lantern id',
      clae_cla_episode_start_date: 'start date (DECOM)',
      clae_cla_episode_start_reason: 'reason for new episode (RNE)',
      clae_cla_primary_need_code: 'category of need (N1–N8)',
      clae_cla_episode_ceased_date: 'end date (DEC)',
      clae_cla_episode_ceased_reason: 'reason episode ceased (REC)',
      clae_cla_id: 'the period of care (the id of its first episode)',
      clae_referral_id: 'the CIN episode open on the start date',
      clae_cla_placement_id: 'the placement (ssd_cla_placement)',
      clae_entered_care_date: 'the date the period of care began',
    },
    blank: { clae_cla_last_iro_contact_date: 'Lantern keeps the IRO’s contact on each review, which ssd_cla_reviews does not carry' },
    page: keyedPage(
      { table: 'cla_episode', key: 'cla_episode_id' },
      sql`
      t.cla_episode_id::text as clae_cla_episode_id, t.child_id::text as clae_person_id,
        ${d('t.start_date')} as clae_cla_episode_start_date, t.reason_new_episode as clae_cla_episode_start_reason, t.category_of_need as clae_cla_primary_need_code,
        ${d('t.end_date')} as clae_cla_episode_ceased_date, t.reason_ended as clae_cla_episode_ceased_reason, t.period_id::text as clae_cla_id,
        ${episodeOn('t.start_date')} as clae_referral_id, t.placement_id::text as clae_cla_placement_id,
        (select to_char(min(e.start_date), 'YYYY-MM-DD') from cla_episode e where e.la_code = t.la_code and e.period_id = t.period_id) as clae_entered_care_date`,
    ),
  },
  {
    object: 'ssd_cla_placement',
    from: {
      clap_cla_placement_id: 'the placement’s Lantern id (its episodes share it)',
      clap_cla_placement_start_date: 'the start of its first episode',
      clap_cla_placement_type: 'placement type (PLACE)',
      clap_cla_placement_urn: 'the provider’s Ofsted URN as returned',
      clap_cla_id: 'the period of care',
      clap_cla_placement_provider: 'placement provider (PR0–PR5)',
      clap_cla_placement_postcode: 'the placement’s postcode',
      clap_cla_placement_end_date: 'the end of its last episode (blank while it lasts)',
      clap_cla_placement_change_reason: 'reason for the change of placement (REASON_PLACE_CHANGE)',
      clap_person_id: 'the child’s Lantern id',
    },
    blank: { clap_cla_placement_distance: 'Lantern keeps postcodes; the distance is worked out by the SSDA903 export, not kept' },
    page: (laCode, last, limit) => sql`
      with k as (select distinct placement_id from cla_episode where la_code = ${laCode} and ${after('placement_id', last)} order by placement_id limit ${limit}),
      e as (select c.*, row_number() over (partition by c.placement_id order by c.start_date, c.cla_episode_id) as first,
              row_number() over (partition by c.placement_id order by c.start_date desc, c.cla_episode_id desc) as latest,
              bool_or(c.end_date is null) over (partition by c.placement_id) as open
            from cla_episode c join k on k.placement_id = c.placement_id where c.la_code = ${laCode})
      select f.placement_id::text as _key, f.placement_id::text as clap_cla_placement_id, ${d('f.start_date')} as clap_cla_placement_start_date,
        f.placement_type as clap_cla_placement_type, f.urn as clap_cla_placement_urn, f.period_id::text as clap_cla_id,
        f.placement_provider as clap_cla_placement_provider, f.placement_postcode as clap_cla_placement_postcode,
        case when l.open then null else to_char(l.end_date, 'YYYY-MM-DD') end as clap_cla_placement_end_date,
        l.reason_place_change as clap_cla_placement_change_reason, f.child_id::text as clap_person_id
      from e f join e l on l.placement_id = f.placement_id and l.latest = 1 where f.first = 1 order by f.placement_id`,
  },
  {
    object: 'ssd_legal_status',
    from: {
      lega_legal_status_id: 'the episode of care’s Lantern id (one legal status an episode)',
      lega_person_id: 'the child’s Lantern id',
      lega_legal_status: 'legal status (LS)',
      lega_legal_status_start_date: 'the episode’s start',
      lega_legal_status_end_date: 'the episode’s end',
    },
    blank: {},
    page: keyedPage(
      { table: 'cla_episode', key: 'cla_episode_id' },
      sql`
      t.cla_episode_id::text as lega_legal_status_id, t.child_id::text as lega_person_id, t.legal_status as lega_legal_status,
        ${d('t.start_date')} as lega_legal_status_start_date, ${d('t.end_date')} as lega_legal_status_end_date`,
    ),
  },
  {
    object: 'ssd_cla_reviews',
    from: {
      clar_cla_review_id: 'the review’s Lantern id',
      clar_cla_id: 'the period of care reviewed',
      clar_cla_review_date: 'the date it was held',
      clar_cla_review_cancelled: 'N: Lantern records reviews that were held',
      clar_cla_review_participation: 'how the child took part (PN0–PN7)',
    },
    blank: { clar_cla_review_due_date: 'a deadline Lantern derives (the `cla-review` obligations), not a recorded fact' },
    page: keyedPage(
      { table: 'cla_review', key: 'review_id' },
      sql`
      t.review_id::text as clar_cla_review_id, t.period_id::text as clar_cla_id, ${d('t.held_on')} as clar_cla_review_date,
        'N' as clar_cla_review_cancelled, t.participation as clar_cla_review_participation`,
    ),
  },
  {
    object: 'ssd_missing',
    from: {
      miss_table_id: 'the missing episode’s Lantern id',
      miss_person_id: 'the child’s Lantern id',
      miss_missing_episode_start_date: 'when the child went missing (date and time)',
      miss_missing_episode_type: 'M missing, A away from placement without authorisation',
      miss_missing_episode_end_date: 'when they came back (date and time)',
      miss_missing_rhi_offered: 'Y when a return home interview was offered, else N',
      miss_missing_rhi_accepted: 'Y or N once the child answered the offer',
    },
    blank: {},
    page: keyedPage(
      { table: 'missing_episode', key: 'missing_id' },
      sql`
      t.missing_id::text as miss_table_id, t.child_id::text as miss_person_id, ${ts('t.started_at')} as miss_missing_episode_start_date,
        t.kind as miss_missing_episode_type, ${ts('t.ended_at')} as miss_missing_episode_end_date, ${yn('t.rhi_offered_at is not null')} as miss_missing_rhi_offered,
        ${ynNull('t.rhi_accepted')} as miss_missing_rhi_accepted`,
    ),
  },
  {
    object: 'ssd_care_leavers',
    from: {
      clea_table_id: 'the young person’s Lantern id (one care leaver record each)',
      clea_person_id: 'the young person’s Lantern id',
      clea_care_leaver_eligibility: 'category: eligible, relevant, former-relevant or qualifying',
      clea_care_leaver_in_touch: 'in touch at the latest birthday contact (YES, NO, DIED, REFU, NREQ, RHOM)',
      clea_care_leaver_latest_contact: 'the latest birthday contact’s date',
      clea_care_leaver_accommodation: 'accommodation at that contact (SSDA903 ACCOM)',
      clea_care_leaver_accom_suitable: 'Y when that accommodation was suitable (ACCOM ending 1), N when not (2)',
      clea_care_leaver_activity: 'activity at that contact (SSDA903 ACTIV)',
      clea_pathway_plan_review_date: 'the latest pathway plan or review',
      clea_care_leaver_personal_advisor: 'the personal adviser allocated now (ssd_professionals)',
      clea_care_leaver_allocated_team: 'the team of the social worker allocated now (ssd_department)',
      clea_care_leaver_worker_id: 'the social worker allocated now (ssd_professionals)',
    },
    blank: {},
    page: (laCode, last, limit) => sql`
      select t.child_id::text as _key, t.child_id::text as clea_table_id, t.child_id::text as clea_person_id, t.category as clea_care_leaver_eligibility,
        b.in_touch as clea_care_leaver_in_touch, ${d('b.contact_on')} as clea_care_leaver_latest_contact, b.accommodation as clea_care_leaver_accommodation,
        case right(b.accommodation, 1) when '1' then 'Y' when '2' then 'N' end as clea_care_leaver_accom_suitable, b.activity as clea_care_leaver_activity,
        (select to_char(max(p.held_on), 'YYYY-MM-DD') from pathway_plan p where p.la_code = t.la_code and p.child_id = t.child_id) as clea_pathway_plan_review_date,
        ${allocatedNow('personal-adviser', 'worker')} as clea_care_leaver_personal_advisor, ${allocatedNow('social-worker', 'team')} as clea_care_leaver_allocated_team,
        ${allocatedNow('social-worker', 'worker')} as clea_care_leaver_worker_id
      from care_leaver t left join lateral (select * from leaver_birthday_contact c where c.la_code = t.la_code and c.child_id = t.child_id
        order by c.contact_on desc, c.birthday_age desc limit 1) b on true
      where t.la_code = ${laCode} and ${after('t.child_id', last)} order by t.child_id limit ${limit}`,
  },
];
