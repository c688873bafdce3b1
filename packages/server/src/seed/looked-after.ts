/**
 * Looked-after histories for the demo council's looked-after children: the providers register,
 * SSDA903 episodes (placement moves, legal status changes, some placements with unregistered
 * providers and the director's approval), visits and reviews mostly on time with a late tail,
 * and missing episodes with return home interviews (some late or not offered).
 *
 * Deterministic: its own random streams, and every date relative to the council's `asOf`.
 */
import type { Insertable } from 'kysely';
import type { AllocationTable, ClaEpisodeTable, ProviderTable, VisitTable } from '../kernel/db/schema.ts';
import type { FosterCarers } from './fostering.ts';
import { emptyRowsOf, type RowsOf } from './model.ts';
import { LEARNED, PLACEMENT_BY_AGE, REASONS_CHANGED, WORDS } from './looked-after-lists.ts';
import { herefordshirePostcode } from './postcodes.ts';
import { ageOn, isoOf, type Rng, timestampOf, WeightedPicker } from './rng.ts';

/** In insert order, after people, allocations and providers. */
export const LOOKED_AFTER_TABLES = ['cla_episode', 'unregistered_approval', 'cla_review', 'missing_episode'] as const;
export type LookedAfterRows = RowsOf<typeof LOOKED_AFTER_TABLES>;
export const emptyLookedAfterRows = (): LookedAfterRows => emptyRowsOf(LOOKED_AFTER_TABLES);

export type LookedAfterChild = { personId: string; dob: number | null; lookedAfterFrom: number | null; uasc: boolean };

type Provider = Insertable<ProviderTable> & { provider_id: string; name: string; provider_kind: string; postcode: string };

const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
/** A looked-after child's category of need (for all but unaccompanied children, N8). */
const CATEGORY_OF_NEED = WeightedPicker.of<string>([
  ['N1', 0.62],
  ['N2', 0.04],
  ['N3', 0.04],
  ['N4', 0.1],
  ['N5', 0.12],
  ['N6', 0.03],
  ['N8', 0.05],
]);
/** How a child of four or more took part in a review. */
const PARTICIPATION = WeightedPicker.of<string>([
  ['PN1', 0.5],
  ['PN2', 0.1],
  ['PN3', 0.05],
  ['PN4', 0.05],
  ['PN5', 0.12],
  ['PN6', 0.1],
  ['PN7', 0.08],
]);
/** The fostering service's households, which in-house foster placements name (seed/fostering.ts). */
export type CarerPicker = Pick<FosterCarers, 'carerFor'>;

export class LookedAfterGenerator {
  readonly providers: Provider[] = [];
  carers: CarerPicker | null = null;
  private readonly byKind = new Map<string, Provider[]>();

  constructor(
    private readonly cfg: { laCode: string; asOf: number; directorUserId: string; directorName: string; postcodeArea: string },
    private readonly rng: Rng,
    private readonly ids: Rng,
  ) {
    const add = (
      name: string,
      kind: string,
      placeProvider: string,
      status: ProviderTable['registration_status'],
      registeredFor: string[],
      urn: string | null,
    ) => {
      const p: Provider = {
        la_code: cfg.laCode,
        provider_id: ids.uuid(),
        name,
        urn,
        provider_kind: kind,
        place_provider: placeProvider,
        registration_status: status,
        registered_for: registeredFor,
        registered_from: status === 'registered' ? isoOf(cfg.asOf - rng.between(400, 6000)) : null,
        registered_to: null,
        postcode: this.postcode(),
      };
      this.providers.push(p);
      const key = `${kind}:${status === 'registered' ? 'r' : 'u'}`;
      this.byKind.set(key, [...(this.byKind.get(key) ?? []), p]);
    };
    let urn = 100000 + rng.int(800000);
    const nextUrn = () => `SC${String(urn++).padStart(6, '0')}`;
    add('Council fostering service', 'fostering-agency', 'PR1', 'registered', ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'], nextUrn());
    for (const n of ['Bridgeway Fostering', 'Meadow Family Placements', 'Horizon Foster Care'])
      add(n, 'fostering-agency', 'PR4', 'registered', ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'], nextUrn());
    for (const n of ['Oakfield House', 'The Willows', 'Larch Court', 'Hillside Lodge', 'Riverside View', 'Beech House'])
      add(n, 'childrens-home', 'PR4', 'registered', ['K2'], nextUrn());
    for (const n of ['Kingfisher Supported Living', 'Stepping Stones 16+', 'Cedar Supported Accommodation'])
      add(n, 'supported-accommodation', 'PR4', 'registered', ['K3'], nextUrn());
    for (const n of ['Elm Lodge', 'The Granary']) add(n, 'childrens-home', 'PR4', 'unregistered', [], null);
    add('Northgate Rooms', 'supported-accommodation', 'PR4', 'unregistered', [], null);
  }

  private postcode(): string {
    const r = this.rng;
    // A real postcode (the same four draws as before, so nothing else the generator makes changes).
    const district = r.between(1, 9);
    const draw = r.between(1, 9) * 400 + INWARD.indexOf(r.pick([...INWARD])) * 20 + INWARD.indexOf(r.pick([...INWARD]));
    return herefordshirePostcode(`${this.cfg.postcodeArea}${district}`, draw);
  }

  private provider(kind: string, registered: boolean): Provider {
    return this.rng.pick(this.byKind.get(`${kind}:${registered ? 'r' : 'u'}`) as Provider[]);
  }

  /** One child's looked-after history: one open period of care from `lookedAfterFrom` to today; returns its id. */
  add(
    rows: LookedAfterRows & { visit: Insertable<VisitTable>[]; allocation: Insertable<AllocationTable>[] },
    child: LookedAfterChild,
    homePostcode: string,
    /** The child's IRO allocations in `rows.allocation`, in their order there, where the caller has them. */
    childIros?: Insertable<AllocationTable>[],
  ): string | null {
    const { rng, ids, cfg } = this;
    const asOf = cfg.asOf;
    const from = child.lookedAfterFrom;
    if (from === null || from > asOf || child.dob === null) return null;
    const dob = child.dob;
    const periodId = ids.uuid();
    // The child's IRO allocations, given or found once (nothing below adds one) rather than a scan
    // of the chunk's every allocation for each review.
    let iros: Insertable<AllocationTable>[] | null = childIros ?? null;
    const iroOn = (day: number) => {
      iros ??= rows.allocation.filter((a) => a.child_id === child.personId && a.allocation_role === 'iro');
      const iso = isoOf(day);
      return iros.find((a) => (a.start_date as string) <= iso && (!a.end_date || (a.end_date as string) > iso))?.worker_id ?? null;
    };

    // Legal status and its changes.
    let legal = child.uasc ? 'V2' : rng.pick(['C1', 'C1', 'C1', 'C1', 'V2', 'V2', 'V2', 'L1', 'L2', 'C2']);
    const legalChanges: [number, string][] = [];
    // Police protection lasts at most 72 hours, an emergency protection order at most 8 days here (21 allowed).
    if (legal === 'L1' || legal === 'L2') legalChanges.push([from + (legal === 'L1' ? rng.between(1, 3) : rng.between(1, 8)), rng.chance(0.6) ? 'C1' : 'V2']);
    const afterEmergency = legalChanges[0]?.[1] ?? legal;
    // A full care order; a placement order (E1) belongs to the adoption journey (seed/permanence.ts), whose
    // decision the return must then show (903 rule 553), so it is not made here.
    if (afterEmergency === 'C1' && rng.chance(0.6)) legalChanges.push([(legalChanges[0]?.[0] ?? from) + rng.between(120, 320), 'C2']);
    else if (afterEmergency === 'V2' && !child.uasc && rng.chance(0.15)) legalChanges.push([(legalChanges[0]?.[0] ?? from) + rng.between(30, 200), 'C1']);

    // Placement moves: most children are settled; some move often (about one in ten has 3+ placements in a year).
    const unstable = rng.chance(0.06);
    const moves: number[] = [];
    for (let day = from; ; ) {
      const gap = unstable ? rng.between(25, 140) : Math.floor(-Math.log(1 - rng.next()) * 560) + 20;
      day += gap;
      if (day >= asOf) break;
      moves.push(day);
    }
    const events = new Map<number, { legal?: string; move?: boolean }>();
    for (const [d, ls] of legalChanges) if (d < asOf) events.set(d, { ...events.get(d), legal: ls });
    for (const d of moves) events.set(d, { ...events.get(d), move: true });
    const days = [...events.keys()].sort((a, b) => a - b);
    // A child accommodated under section 20 is not placed with parents (903 rule 378).
    const everV2 = legal === 'V2' || legalChanges.some(([, ls]) => ls === 'V2');

    const category = child.uasc ? 'N8' : CATEGORY_OF_NEED.pick(rng);
    let placement = this.placement(dob, from, child.uasc, everV2, homePostcode);
    let placementId = ids.uuid();
    let start = from;
    let rne: ClaEpisodeTable['reason_new_episode'] = 'S';
    const placements: { id: string; start: number; end: number | null; unregistered: boolean }[] = [
      { id: placementId, start: from, end: null, unregistered: placement.unregistered },
    ];
    // Placements begun by a move with the same carers (a change of type only): they keep the household.
    const withSameCarer = new Set<string>();
    const push = (end: number | null, rec: string | null, reasonChange: string | null) => {
      // An in-house foster placement is with one of the council's households, at their home.
      const previous = placements.at(-2)?.id ?? null;
      const carer =
        this.carers && placement.provider === this.providers[0] && placement.type.startsWith('U')
          ? this.carers.carerFor(
              placementId,
              placement.type,
              (placements.at(-1) as { start: number }).start,
              dob,
              previous,
              withSameCarer.has(placementId),
              child.personId,
              homePostcode,
            )
          : null;
      rows.cla_episode.push({
        la_code: cfg.laCode,
        cla_episode_id: rne === 'S' ? periodId : ids.uuid(),
        child_id: child.personId,
        period_id: periodId,
        placement_id: placementId,
        start_date: isoOf(start),
        reason_new_episode: rne,
        legal_status: legal,
        category_of_need: category,
        placement_type: placement.type,
        placement_provider: placement.placeProvider,
        provider_id: placement.provider?.provider_id ?? null,
        urn: placement.provider?.urn ?? (placement.type === 'P1' ? null : 'XXXXXXX'),
        placement_postcode: carer?.postcode ?? placement.postcode,
        foster_household_id: carer?.householdId ?? null,
        // An unaccompanied child has no home address in England, so no distance from home (903 rule 406).
        home_postcode: child.uasc ? null : homePostcode,
        end_date: end === null ? null : isoOf(end),
        reason_ended: rec,
        reason_place_change: reasonChange,
        intended_until_18: placement.until18,
        with_parent: placement.type === 'P1' ? 'placed-with-parent' : null,
        recorded_at: timestampOf(start, 15, 0),
      });
    };
    if (placement.unregistered) this.approve(rows, child.personId, placement, placementId, from);
    for (const d of days) {
      const ev = events.get(d) as { legal?: string; move?: boolean };
      const legalChanged = ev.legal !== undefined && ev.legal !== legal;
      if (!legalChanged && !ev.move) continue;
      const sameCarer = !!ev.move && placement.type.startsWith('U') && rng.chance(0.12);
      push(d, 'X1', ev.move ? (sameCarer ? 'PLACE' : REASONS_CHANGED.pick(rng)) : null);
      if (ev.move) {
        (placements.at(-1) as { end: number | null }).end = d;
        placement = sameCarer
          ? { ...placement, type: placement.type === 'U6' ? 'U4' : 'U6', until18: placement.type === 'U6' }
          : this.moveFrom(placement, dob, d, child.uasc, everV2, homePostcode);
        placementId = ids.uuid();
        if (sameCarer) withSameCarer.add(placementId);
        placements.push({ id: placementId, start: d, end: null, unregistered: placement.unregistered });
        if (placement.unregistered) this.approve(rows, child.personId, placement, placementId, d);
      }
      rne = ev.move ? (legalChanged ? (sameCarer ? 'U' : 'B') : sameCarer ? 'T' : 'P') : 'L';
      if (legalChanged) legal = ev.legal as string;
      start = d;
    }
    push(null, null, null);

    // Visits: a week from each placement, then about every 6 weeks (weekly while unregistered, or with a parent), with a late tail.
    const young = ageOn(dob, asOf) < 5;
    for (const p of placements) {
      const end = Math.min(p.end ?? asOf + 1, asOf + 1);
      let day = p.start + (rng.chance(0.85) ? rng.between(0, 7) : rng.between(8, 20));
      const interval = () =>
        p.unregistered ? (rng.chance(0.85) ? rng.between(3, 7) : rng.between(8, 12)) : rng.chance(0.88) ? rng.between(21, 42) : rng.between(43, 75);
      while (day < end) {
        const seen = rng.chance(0.97);
        rows.visit.push({
          la_code: cfg.laCode,
          visit_id: ids.uuid(),
          child_id: child.personId,
          episode_id: null,
          visited_on: isoOf(day),
          purpose: 'looked-after',
          child_seen: seen,
          seen_alone: seen && !young && rng.chance(0.7),
          child_words: seen ? (young ? 'Played happily with the carer; settled and smiling.' : rng.pick(WORDS)) : null,
          face_to_face: rng.chance(0.95),
          location: rng.pick(['Placement', 'Placement', 'Placement', 'School', 'Contact centre']),
          placement_id: p.id,
          created_at: timestampOf(day, 16, 0),
        });
        day += interval();
      }
    }

    // Reviews: 20 working days (about 28 days), then 3 months, then 6 months, mostly on time.
    let review = from + (rng.chance(0.9) ? rng.between(14, 27) : rng.between(29, 45));
    let n = 0;
    while (review <= asOf) {
      const age = ageOn(dob, review);
      const participation = age < 4 ? 'PN0' : PARTICIPATION.pick(rng);
      rows.cla_review.push({
        la_code: cfg.laCode,
        review_id: ids.uuid(),
        child_id: child.personId,
        period_id: periodId,
        held_on: isoOf(review),
        chair_worker_id: iroOn(review),
        participation,
        child_words: age >= 4 && participation !== 'PN7' ? rng.pick(WORDS) : null,
        iro_contact_on: rng.chance(0.85) ? isoOf(Math.max(review - rng.between(1, 12), from)) : null,
        created_at: timestampOf(review, 17, 0),
      });
      n++;
      review += n === 1 ? (rng.chance(0.9) ? rng.between(70, 91) : rng.between(93, 130)) : rng.chance(0.9) ? rng.between(150, 182) : rng.between(184, 230);
    }

    // Missing episodes: about one looked-after child in nine, mostly teenagers, often in clusters.
    if (ageOn(dob, asOf) >= 11 && rng.chance(child.uasc ? 0.26 : 0.2)) {
      const count = rng.chance(0.35) ? rng.between(3, 7) : rng.between(1, 2);
      let day = Math.max(from + 5, asOf - rng.between(30, 400));
      for (let i = 0; i < count && day < asOf; i++) {
        const startHour = rng.between(15, 22);
        const hours = rng.chance(0.8) ? rng.between(2, 20) : rng.between(21, 96);
        const startedAt = Date.parse(timestampOf(day, startHour, rng.int(60)));
        const endedAt = startedAt + hours * 3_600_000;
        const stillMissing = i === count - 1 && endedAt > Date.parse(timestampOf(asOf, 12, 0));
        const offer = rng.next();
        const offeredAt = stillMissing
          ? null
          : offer < 0.72
            ? endedAt + rng.between(2, 70) * 3_600_000
            : offer < 0.87
              ? endedAt + rng.between(74, 150) * 3_600_000
              : null;
        const offeredInPast = offeredAt !== null && offeredAt < Date.parse(timestampOf(asOf, 23, 0));
        const accepted = offeredInPast ? rng.chance(0.65) : null;
        rows.missing_episode.push({
          la_code: cfg.laCode,
          missing_id: ids.uuid(),
          child_id: child.personId,
          period_id: periodId,
          kind: rng.chance(0.8) ? 'M' : 'A',
          started_at: new Date(startedAt).toISOString(),
          ended_at: stillMissing ? null : new Date(endedAt).toISOString(),
          circumstances: rng.pick([
            'Did not return from school.',
            'Left the placement after an argument.',
            'Went out with friends and did not come back.',
            'Not in bed at the night check.',
          ]),
          rhi_offered_at: offeredInPast ? new Date(offeredAt as number).toISOString() : null,
          rhi_accepted: accepted,
          rhi_learned: accepted ? rng.pick(LEARNED) : null,
        });
        // The next goes missing after this one ended (903 rule 574: no overlapping episodes).
        day = Math.max(day + (count >= 3 ? rng.between(3, 30) : rng.between(20, 200)), Math.floor(endedAt / 86_400_000) + 1);
      }
    }
    return periodId;
  }

  private placement(dob: number, on: number, uasc: boolean, section20: boolean, homePostcode: string) {
    const { rng } = this;
    const age = ageOn(dob, on);
    const picker = (PLACEMENT_BY_AGE.find(([under]) => age < under) as [number, WeightedPicker<string>])[1];
    let type = picker.pick(rng);
    if ((uasc || section20) && type === 'P1') type = age >= 16 ? 'K3' : 'U6';
    if (type === 'K3' && age < 16) type = 'U6';
    // A few placements are with providers not registered for the care they give.
    const unregistered = (type === 'K2' && rng.chance(0.06)) || (type === 'K3' && rng.chance(0.05));
    let provider: Provider | null = null;
    if (type.startsWith('U')) provider = rng.chance(0.6) ? (this.providers[0] as Provider) : this.provider('fostering-agency', true);
    if (type === 'K2') provider = this.provider('childrens-home', !unregistered);
    if (type === 'K3') provider = this.provider('supported-accommodation', !unregistered);
    const placeProvider = type === 'P1' ? 'PR0' : (provider?.place_provider ?? 'PR4');
    // A foster placement is at the carers' home, not the fostering service's office: each new carer
    // has their own postcode, so a move between two carers of one service is a move (903 rule 435).
    const postcode = type === 'P1' ? homePostcode : type.startsWith('U') ? this.postcode() : (provider?.postcode ?? this.postcode());
    return { type, provider, placeProvider, unregistered, postcode, until18: (type === 'U4' || type === 'U1') && age >= 8 };
  }

  /** A new placement somewhere else: not the same home again (903 rule 435: a move the episodes do not show). */
  private moveFrom(current: ReturnType<LookedAfterGenerator['placement']>, dob: number, on: number, uasc: boolean, section20: boolean, homePostcode: string) {
    for (let tries = 0; ; tries++) {
      const next = this.placement(dob, on, uasc, section20, homePostcode);
      const same = next.type === current.type && next.provider === current.provider && next.postcode === current.postcode;
      if (!same) return next;
      // With parents and no other home: a foster placement (its postcode is new).
      if (tries >= 4) return this.placement(dob, on, true, true, homePostcode);
    }
  }

  private approve(rows: LookedAfterRows, childId: string, placement: { type: string; provider: Provider | null }, placementId: string, on: number) {
    const provider = placement.provider as Provider;
    rows.unregistered_approval.push({
      la_code: this.cfg.laCode,
      approval_id: this.ids.uuid(),
      child_id: childId,
      provider_id: provider.provider_id,
      placement_type: placement.type,
      approved_on: isoOf(on - (this.rng.chance(0.7) ? 0 : 1)),
      approved_by: this.cfg.directorUserId,
      approver_name: this.cfg.directorName,
      reasons: this.rng.pick([
        'No registered placement could be found today despite a national search; daily manager checks and visits every 7 days until a registered home is found.',
        'The provider has applied to Ofsted; the child knows the staff and wants to stay; weekly oversight by the director.',
        'An emergency: the previous home gave notice; a registered home is being sought and reviewed weekly.',
      ]),
      placement_id: placementId,
      created_at: timestampOf(on, 9, 0),
    });
  }
}
