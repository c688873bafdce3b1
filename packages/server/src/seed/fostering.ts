/**
 * The demo council's fostering service: about one in-house household for every 24 children (100
 * for 2,400), most approved over the last twelve years, some in assessment (a few past the four
 * months stage two allows), some on hold, and some that left in the last three years with their
 * reasons. Each has its members and the adults' checks, its recruitment dates, supervising visits
 * (some unannounced) every six weeks or so with a late tail, annual reviews, training and the TSD
 * standards, and now and then an allegation. In-house foster placements (the looked-after
 * generator's, with the council's fostering service) name a household whose terms fit the child
 * (`carerFor`), at the household's postcode. Deterministic: its own random streams.
 */
import type { Insertable } from 'kysely';
import type { FosterHouseholdTable } from '../kernel/db/schema.ts';
import { emptyRowsOf, hashString, type RowsOf } from './model.ts';
import { herefordshirePostcode } from './postcodes.ts';
import { ageOn, isoOf, Rng, timestampOf } from './rng.ts';
import type { Workforce } from './workforce.ts';

/** In insert order (households before anything naming them, and before the placements). */
export const FOSTERING_TABLES = [
  'foster_household',
  'foster_household_member',
  'foster_member_check',
  'foster_visit',
  'foster_review',
  'foster_training',
  'foster_allegation',
] as const;
export type FosteringRows = RowsOf<typeof FOSTERING_TABLES>;

type Seeded = {
  id: string;
  postcode: string;
  kind: string;
  approvedOn: number | null;
  available: boolean;
  ageFrom: number;
  ageTo: number;
  uses: number;
  /** A household still in assessment (one child of their family may be placed with them on a temporary approval). */
  row: Insertable<FosterHouseholdTable> | null;
  enquiry: number;
};

const SURNAMES = [
  'Carter',
  'Price',
  'Hughes',
  'Morgan',
  'Powell',
  'Lloyd',
  'Bevan',
  'Davies',
  'Watkins',
  'Pritchard',
  'Jenkins',
  'Probert',
  'Gwynne',
  'Baskerville',
  'Preece',
];
const GIVEN = ['Sarah', 'Mark', 'Helen', 'Gareth', 'Joanne', 'Paul', 'Claire', 'Richard', 'Emma', 'Steven', 'Karen', 'Neil', 'Amy', 'Ben', 'Rachel', 'Tom'];
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
/** Draws for a postcode no other carer household has, before one is shared (see the constructor). */
const POSTCODE_TRIES = 200;
const LEAVING = [
  'retirement',
  'retirement',
  'moved-to-agency',
  'moved-to-agency',
  'dissatisfied-support',
  'permanence-for-child',
  'family-circumstances',
  'health',
  'allegation',
  'moved-away',
];
const VISIT_NOTES = [
  'Talked through the placement plan and contact arrangements; carers coping well.',
  'Discussed the child’s school refusal; carers to meet the designated teacher.',
  'Supervision: recording, safer caring plan reviewed, training booked.',
  'Unannounced: home clean and safe, children at school, carer relaxed.',
  'Carers tired after a difficult month; respite offered and support group suggested.',
];
const TERMS: readonly (readonly string[])[] = [
  ['short-term', 'emergency'],
  ['short-term', 'long-term'],
  ['long-term'],
  ['short-term', 'respite'],
  ['parent-and-child', 'short-term'],
];

export class FosterCarers {
  readonly rows: FosteringRows = emptyRowsOf(FOSTERING_TABLES);
  private readonly seeded: Seeded[] = [];
  /** Households approved temporarily for a child (seed/generate.ts writes these once the children are written). */
  readonly temporaries: Insertable<FosterHouseholdTable>[] = [];
  private readonly byPlacement = new Map<string, Seeded | null>();
  /** The supervising social workers: in-post social workers of the looked-after teams. */
  readonly supervisingWorkerIds: string[];

  constructor(
    private readonly cfg: { laCode: string; seed: number; total: number; asOf: number },
    wf: Workforce,
  ) {
    const rng = new Rng(cfg.seed, 2200);
    const ids = new Rng(cfg.seed, 2201 + hashString(cfg.laCode));
    const claTeams = new Set(wf.teamsIn('cla'));
    this.supervisingWorkerIds = wf.workers
      .filter((w) => w.leave === null && w.jobRole === 'social-worker' && w.teamIndex !== null && claTeams.has(w.teamIndex))
      .slice(0, Math.max(1, Math.round(cfg.total / 500)))
      .map((w) => w.workerId);
    const n = Math.max(4, Math.round(cfg.total / 24));
    const postcodes = new Set<string>();
    for (let i = 0; i < n; i++) {
      let postcode = '';
      // A real Herefordshire postcode (the ONS directory's), so the SSDA903 return's foster placements
      // are found in the directory (rules 392c, 169, 179); the same draws as before pick which. Each
      // household has a postcode of its own while the draws find one; the districts hold 7,807, so a
      // council of more than about 180,000 children (a carer for every 24) shares some, as streets do.
      for (let tries = 0; tries === 0 || (postcodes.has(postcode) && tries < POSTCODE_TRIES); tries++) {
        const district = rng.between(1, 9);
        const draw = rng.between(1, 9) * 400 + INWARD.indexOf(rng.pick([...INWARD])) * 20 + INWARD.indexOf(rng.pick([...INWARD]));
        postcode = herefordshirePostcode(`HR${district}`, draw);
      }
      postcodes.add(postcode);
      this.household(rng, ids, i, postcode, n);
    }
  }

  /** The household an in-house foster placement is with (kept for the placement's episodes), or null. */
  carerFor(
    placementId: string,
    type: string,
    start: number,
    dob: number | null,
    previousPlacementId: string | null,
    sameCarer: boolean,
    childId?: string,
    homePostcode?: string | null,
  ): { householdId: string; postcode: string } | null {
    if (!this.byPlacement.has(placementId)) {
      const previous = previousPlacementId ? (this.byPlacement.get(previousPlacementId) ?? null) : null;
      let pick: Seeded | null = null;
      if (sameCarer) pick = previous;
      else {
        const age = dob === null ? 0 : ageOn(dob, start);
        const kind = type === 'U1' || type === 'U2' || type === 'U3' ? 'connected-person' : 'mainstream';
        // A child placed with family lately is most often with a relative still being assessed.
        if (kind === 'connected-person' && childId) pick = this.temporarily(childId, start, homePostcode ?? null);
        if (!pick)
          // Never at the child's own home address (903 rule 392d: only a placement with parents is).
          for (const h of this.seeded)
            if (
              h.available &&
              h.kind === kind &&
              h !== previous &&
              h.postcode !== homePostcode &&
              h.approvedOn !== null &&
              h.approvedOn <= start &&
              age >= h.ageFrom &&
              age <= h.ageTo
            )
              if (!pick || h.uses < pick.uses) pick = h;
        if (pick) pick.uses++;
      }
      this.byPlacement.set(placementId, pick);
    }
    const h = this.byPlacement.get(placementId);
    return h ? { householdId: h.id, postcode: h.postcode } : null;
  }

  /**
   * A child placed with family or friends in the last 24 weeks, with no approved connected person
   * to hand: a connected person in assessment is approved temporarily for them (16 weeks, and an
   * 8-week extension for about half of those past 16), so the demo has connected-person-temporary deadlines.
   */
  private temporarily(childId: string, start: number, homePostcode: string | null): Seeded | null {
    const { asOf } = this.cfg;
    if (start > asOf || start < asOf - 24 * 7) return null;
    const h = this.seeded.find((x) => x.row && x.row.temporary_from == null && x.enquiry <= start && x.postcode !== homePostcode);
    if (!h?.row) return null;
    // Whoever applied, a household approved temporarily for a child of their family is a connected person.
    h.row.kind = 'connected-person';
    h.kind = 'connected-person';
    h.row.temporary_from = isoOf(start);
    h.row.temporary_child_id = childId;
    h.row.temporary_reasons = 'Placed with family in an emergency; the connected person assessment is under way.';
    if (start < asOf - 16 * 7 && this.seeded.indexOf(h) % 2 === 0)
      h.row.temporary_extension_reason = 'The assessment needs a further medical report; the child is settled.';
    // The households are written before the children; these are written once the children are.
    this.temporaries.push(h.row);
    return h;
  }

  private household(rng: Rng, ids: Rng, i: number, postcode: string, n: number) {
    const { asOf, laCode } = this.cfg;
    const householdId = ids.uuid();
    const surname = rng.pick(SURNAMES);
    const [first, second] = [rng.pick(GIVEN), rng.pick(GIVEN)];
    const single = rng.chance(0.25);
    const kind = rng.chance(0.15) ? 'connected-person' : 'mainstream';
    // Where it is: 8% in assessment, 3% enquiring, 4% on hold, 12% left in the last three years, the rest approved.
    const roll = rng.next();
    const status = roll < 0.08 ? 'assessment' : roll < 0.11 ? 'enquiry' : roll < 0.15 ? 'on-hold' : roll < 0.27 ? 'left' : 'approved';
    // A few approved in the last year or so, still working towards the TSD standards.
    const recent = status === 'approved' && rng.chance(0.12);
    const enquiry =
      status === 'assessment'
        ? asOf - rng.between(40, 220)
        : status === 'enquiry'
          ? asOf - rng.between(3, 30)
          : asOf - (recent ? rng.between(250, 520) : rng.between(400, 4400));
    const application = status === 'enquiry' ? null : enquiry + rng.between(14, 45);
    const stageOne = application === null ? null : application + (rng.chance(0.85) ? rng.between(7, 14) : rng.between(15, 30));
    const recruited = status !== 'assessment' && status !== 'enquiry';
    const stageTwo = recruited && application !== null ? application + rng.between(90, rng.chance(0.8) ? 122 : 180) : null;
    const panel = stageTwo === null ? null : stageTwo + rng.between(10, 35);
    const decision = panel === null ? null : panel + (rng.chance(0.85) ? rng.between(2, 9) : rng.between(10, 20));
    const left = status === 'left' && decision !== null ? Math.min(asOf - 1, Math.max(decision + 200, asOf - rng.between(1, 1095))) : null;
    const max = rng.pick([1, 2, 2, 2, 3]);
    const ageFrom = rng.pick([0, 0, 0, 2, 5, 8, 11]);
    const ageTo = Math.max(ageFrom + 4, rng.pick([10, 12, 17, 17, 17]));
    const worker = this.supervisingWorkerIds[i % this.supervisingWorkerIds.length] ?? null;
    const on = (d: number | null) => (d === null || d > asOf ? null : isoOf(d));
    const reason = left !== null ? rng.pick(LEAVING) : null;
    const row: Insertable<FosterHouseholdTable> = {
      la_code: laCode,
      household_id: householdId,
      reference: `FC-${String(i + 1).padStart(4, '0')}`,
      name: single ? `${first} ${surname}` : `${first} and ${second} ${surname}`,
      kind,
      status: status === 'left' ? (reason === 'allegation' || rng.chance(0.2) ? 'deregistered' : 'resigned') : status,
      address_line: `${rng.between(1, 120)} ${rng.pick(['Church Road', 'Mill Lane', 'Station Road', 'Orchard Close', 'The Green'])}`,
      postcode,
      phone: `01432 ${String(rng.between(100000, 999999))}`,
      email: `${first.toLowerCase()}.${surname.toLowerCase()}${i}@example.org`,
      supervising_worker_id: worker,
      enquiry_on: isoOf(enquiry),
      application_on: on(application),
      stage_one_on: on(stageOne),
      stage_two_on: on(stageTwo),
      panel_on: on(panel),
      panel_recommendation: on(panel) ? 'approve' : null,
      decision_on: on(decision),
      decision: on(decision) ? 'approved' : null,
      decision_reasons: on(decision) ? 'The panel’s recommendation and the assessment show warm, safe, reflective carers.' : null,
      max_children: on(decision) ? max : null,
      age_from: on(decision) ? ageFrom : null,
      age_to: on(decision) ? ageTo : null,
      terms_sex: on(decision) ? 'any' : null,
      placement_types: on(decision) ? [...rng.pick(TERMS)] : null,
      left_on: left === null ? null : isoOf(left),
      leaving_reason: reason,
      created_at: timestampOf(enquiry, 10, 0),
    };
    this.rows.foster_household.push(row);
    const approved = on(decision) ? (decision as number) : null;
    this.seeded.push({
      id: householdId,
      postcode,
      kind,
      approvedOn: approved,
      available: status === 'approved',
      ageFrom,
      ageTo,
      uses: 0,
      row: status === 'assessment' ? row : null,
      enquiry,
    });
    // Members, and each adult's checks during stage one.
    const adults = single ? [first] : [first, second];
    for (const [k, given] of adults.entries()) {
      const memberId = ids.uuid();
      this.rows.foster_household_member.push({
        la_code: laCode,
        member_id: memberId,
        household_id: householdId,
        given_name: given,
        family_name: surname,
        date_of_birth: isoOf(enquiry - rng.between(28 * 365, 60 * 365)),
        role: k === 0 ? 'applicant' : 'second-carer',
      });
      if (application === null) continue;
      for (const checkKind of ['dbs', 'medical', 'reference', 'reference', 'local-authority']) {
        const requested = application + rng.between(0, 5);
        const done = requested + rng.between(5, 40);
        this.rows.foster_member_check.push({
          la_code: laCode,
          check_id: ids.uuid(),
          member_id: memberId,
          household_id: householdId,
          kind: checkKind,
          requested_on: isoOf(Math.min(requested, asOf)),
          completed_on: done <= asOf ? isoOf(done) : null,
          outcome: done <= asOf ? (rng.chance(0.93) ? 'clear' : 'concerns-noted') : null,
        });
      }
    }
    if (approved === null) return;
    const end = left ?? asOf;
    // Visits about every six weeks, one in five unannounced, with a late tail.
    for (let d = approved + rng.between(5, 30); d <= end; d += rng.chance(0.85) ? rng.between(25, 42) : rng.between(43, 80))
      this.rows.foster_visit.push({
        la_code: laCode,
        visit_id: ids.uuid(),
        household_id: householdId,
        visited_on: isoOf(d),
        unannounced: rng.chance(0.2),
        notes: rng.pick(VISIT_NOTES),
        worker_id: worker,
      });
    for (let d = approved + rng.between(330, 365); d <= end; d += rng.chance(0.85) ? rng.between(330, 365) : rng.between(366, 430))
      this.rows.foster_review.push({
        la_code: laCode,
        review_id: ids.uuid(),
        household_id: householdId,
        held_on: isoOf(d),
        outcome: rng.chance(0.9) ? 'continue' : 'change-terms',
        carers_views: 'We feel supported and want to carry on.',
      });
    const tsd = approved + (recent ? rng.between(200, 560) : rng.chance(0.85) ? rng.between(120, 360) : rng.between(380, 560));
    if (tsd <= end)
      this.rows.foster_training.push({
        la_code: laCode,
        training_id: ids.uuid(),
        household_id: householdId,
        completed_on: isoOf(tsd),
        title: 'TSD standards workbook',
        tsd_standards: true,
      });
    for (const title of ['Safer caring', 'Therapeutic parenting', 'Contact and life story work'])
      if (rng.chance(0.6) && approved + 60 < end)
        this.rows.foster_training.push({
          la_code: laCode,
          training_id: ids.uuid(),
          household_id: householdId,
          completed_on: isoOf(rng.between(approved + 30, end)),
          title,
        });
    if (rng.chance(6 / n + 0.04)) {
      const made = rng.between(approved + 30, Math.max(approved + 31, end));
      if (made <= asOf) {
        const concluded = made + rng.between(20, 90);
        this.rows.foster_allegation.push({
          la_code: laCode,
          allegation_id: ids.uuid(),
          household_id: householdId,
          made_on: isoOf(made),
          summary: 'A child said a carer grabbed their arm during an argument about bedtime.',
          outcome: concluded <= asOf ? rng.pick(['unsubstantiated', 'unfounded', 'substantiated']) : null,
          outcome_on: concluded <= asOf ? isoOf(concluded) : null,
        });
      }
    }
  }
}
