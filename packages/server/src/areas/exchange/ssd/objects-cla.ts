/** The SSD's looked-after and care leaver objects, read from the case record (see model.ts). */
import { sql } from 'kysely';
import { after, CHILD_ID, d, episodeOn, keyedPage, type SsdObject, ssdObject, ts, yn, ynNull } from './model.ts';

const allocatedNow = (role: string, what: 'worker' | 'team') =>
  sql.raw(`(select ${what === 'worker' ? 'a.worker_id::text' : 'w.team_id::text'} from allocation a join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
    where a.la_code = t.la_code and a.child_id = t.child_id and a.allocation_role = '${role}' and a.end_date is null limit 1)`);

export const CLA: SsdObject[] = [
  ssdObject(
    'ssd_cla_episodes',
    keyedPage({ table: 'cla_episode', key: 'cla_episode_id' }),
    {
      clae_cla_episode_id: ['t.cla_episode_id::text', 'the episode of care’s Lantern id (an SSDA903 episode)'],
      clae_person_id: CHILD_ID,
      clae_cla_episode_start_date: [d('t.start_date'), 'start date (DECOM)'],
      clae_cla_episode_start_reason: ['t.reason_new_episode', 'reason for new episode (RNE)'],
      clae_cla_primary_need_code: ['t.category_of_need', 'category of need (N1–N8)'],
      clae_cla_episode_ceased_date: [d('t.end_date'), 'end date (DEC)'],
      clae_cla_episode_ceased_reason: ['t.reason_ended', 'reason episode ceased (REC)'],
      clae_cla_id: ['t.period_id::text', 'the period of care (the id of its first episode)'],
      clae_referral_id: [episodeOn('t.start_date'), 'the CIN episode open on the start date'],
      clae_cla_placement_id: ['t.placement_id::text', 'the placement (ssd_cla_placement)'],
      clae_entered_care_date: [
        "(select to_char(min(e.start_date), 'YYYY-MM-DD') from cla_episode e where e.la_code = t.la_code and e.period_id = t.period_id)",
        'the date the period of care began',
      ],
    },
    { clae_cla_last_iro_contact_date: 'Lantern keeps the IRO’s contact on each review, which ssd_cla_reviews does not carry' },
  ),
  ssdObject(
    'ssd_cla_placement',
    // A placement's first episode (`f`) and its latest (`l`).
    (columns) => (laCode, last, limit) =>
      sql`
      with k as (select distinct placement_id from cla_episode where la_code = ${laCode} and ${after('placement_id', last)} order by placement_id limit ${limit}),
      e as (select c.*, row_number() over (partition by c.placement_id order by c.start_date, c.cla_episode_id) as first,
              row_number() over (partition by c.placement_id order by c.start_date desc, c.cla_episode_id desc) as latest,
              bool_or(c.end_date is null) over (partition by c.placement_id) as open
            from cla_episode c join k on k.placement_id = c.placement_id where c.la_code = ${laCode})
      select f.placement_id::text as _key, ${columns}
      from e f join e l on l.placement_id = f.placement_id and l.latest = 1 where f.first = 1 order by f.placement_id`,
    {
      clap_cla_placement_id: ['f.placement_id::text', 'the placement’s Lantern id (its episodes share it)'],
      clap_cla_placement_start_date: [d('f.start_date'), 'the start of its first episode'],
      clap_cla_placement_type: ['f.placement_type', 'placement type (PLACE)'],
      clap_cla_placement_urn: ['f.urn', 'the provider’s Ofsted URN as returned'],
      clap_cla_id: ['f.period_id::text', 'the period of care'],
      clap_cla_placement_provider: ['f.placement_provider', 'placement provider (PR0–PR5)'],
      clap_cla_placement_postcode: ['f.placement_postcode', 'the placement’s postcode'],
      clap_cla_placement_end_date: [
        "case when l.open then null else to_char(l.end_date, 'YYYY-MM-DD') end",
        'the end of its last episode (blank while it lasts)',
      ],
      clap_cla_placement_change_reason: ['l.reason_place_change', 'reason for the change of placement (REASON_PLACE_CHANGE)'],
      clap_person_id: ['f.child_id::text', 'the child’s Lantern id'],
    },
    { clap_cla_placement_distance: 'Lantern keeps postcodes; the distance is worked out by the SSDA903 export, not kept' },
  ),
  ssdObject('ssd_legal_status', keyedPage({ table: 'cla_episode', key: 'cla_episode_id' }), {
    lega_legal_status_id: ['t.cla_episode_id::text', 'the episode of care’s Lantern id (one legal status an episode)'],
    lega_person_id: CHILD_ID,
    lega_legal_status: ['t.legal_status', 'legal status (LS)'],
    lega_legal_status_start_date: [d('t.start_date'), 'the episode’s start'],
    lega_legal_status_end_date: [d('t.end_date'), 'the episode’s end'],
  }),
  ssdObject(
    'ssd_cla_reviews',
    keyedPage({ table: 'cla_review', key: 'review_id' }),
    {
      clar_cla_review_id: ['t.review_id::text', 'the review’s Lantern id'],
      clar_cla_id: ['t.period_id::text', 'the period of care reviewed'],
      clar_cla_review_date: [d('t.held_on'), 'the date it was held'],
      clar_cla_review_cancelled: ["'N'", 'N: Lantern records reviews that were held'],
      clar_cla_review_participation: ['t.participation', 'how the child took part (PN0–PN7)'],
    },
    { clar_cla_review_due_date: 'a deadline Lantern derives (the `cla-review` obligations), not a recorded fact' },
  ),
  ssdObject('ssd_missing', keyedPage({ table: 'missing_episode', key: 'missing_id' }), {
    miss_table_id: ['t.missing_id::text', 'the missing episode’s Lantern id'],
    miss_person_id: CHILD_ID,
    miss_missing_episode_start_date: [ts('t.started_at'), 'when the child went missing (date and time)'],
    miss_missing_episode_type: ['t.kind', 'M missing, A away from placement without authorisation'],
    miss_missing_episode_end_date: [ts('t.ended_at'), 'when they came back (date and time)'],
    miss_missing_rhi_offered: [yn('t.rhi_offered_at is not null'), 'Y when a return home interview was offered, else N'],
    miss_missing_rhi_accepted: [ynNull('t.rhi_accepted'), 'Y or N once the child answered the offer'],
  }),
  ssdObject(
    'ssd_care_leavers',
    // The care leaver (`t`) and their latest birthday contact (`b`).
    keyedPage({
      table: 'care_leaver',
      key: 'child_id',
      join: sql`left join lateral (select * from leaver_birthday_contact c where c.la_code = t.la_code and c.child_id = t.child_id
        order by c.contact_on desc, c.birthday_age desc limit 1) b on true`,
    }),
    {
      clea_table_id: ['t.child_id::text', 'the young person’s Lantern id (one care leaver record each)'],
      clea_person_id: ['t.child_id::text', 'the young person’s Lantern id'],
      clea_care_leaver_eligibility: ['t.category', 'category: eligible, relevant, former-relevant or qualifying'],
      clea_care_leaver_in_touch: ['b.in_touch', 'in touch at the latest birthday contact (YES, NO, DIED, REFU, NREQ, RHOM)'],
      clea_care_leaver_latest_contact: [d('b.contact_on'), 'the latest birthday contact’s date'],
      clea_care_leaver_accommodation: ['b.accommodation', 'accommodation at that contact (SSDA903 ACCOM)'],
      clea_care_leaver_accom_suitable: [
        "case right(b.accommodation, 1) when '1' then 'Y' when '2' then 'N' end",
        'Y when that accommodation was suitable (ACCOM ending 1), N when not (2)',
      ],
      clea_care_leaver_activity: ['b.activity', 'activity at that contact (SSDA903 ACTIV)'],
      clea_pathway_plan_review_date: [
        "(select to_char(max(p.held_on), 'YYYY-MM-DD') from pathway_plan p where p.la_code = t.la_code and p.child_id = t.child_id)",
        'the latest pathway plan or review',
      ],
      clea_care_leaver_personal_advisor: [allocatedNow('personal-adviser', 'worker'), 'the personal adviser allocated now (ssd_professionals)'],
      clea_care_leaver_allocated_team: [allocatedNow('social-worker', 'team'), 'the team of the social worker allocated now (ssd_department)'],
      clea_care_leaver_worker_id: [allocatedNow('social-worker', 'worker'), 'the social worker allocated now (ssd_professionals)'],
    },
  ),
];
