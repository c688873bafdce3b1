/** The casework steps of a child's history (pathways.ts): contacts, referrals, assessments. */
import { ASSESSMENT_OUTCOME, CONTACT_DECISION } from '@lantern/core/pathway';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import type { Insertable } from 'kysely';
import type { CinEpisodeTable } from '../kernel/db/schema.ts';
import { addMonths } from './days.ts';
import { ageOn, isoOf, timestampOf } from './rng.ts';
import { concernFor, DECISION_REASONS, FACTORS, LATE_REASONS, PRIMARY_NEEDS, REFERRAL_SOURCES } from './texts.ts';

import { type Assessed, type Episode, PathwayBase } from './pathway-base.ts';

export abstract class PathwayCasework extends PathwayBase {
  protected need(): string {
    const child = this.c.child;
    if (child.uasc) return 'N8';
    return PRIMARY_NEEDS.pick(this.rng);
  }

  /** Opens an episode from a contact decided as a referral on `R`. */
  protected openEpisode(episodes: Episode[], R: number, need: string, harm: boolean, nfa = false): Episode {
    const { rng, days } = this;
    const { rows, child } = this.c;
    const source = child.uasc ? (rng.chance(0.6) ? '6' : '5C') : REFERRAL_SOURCES.pick(rng);
    const dayBefore = days.add(R, -1);
    const received = rng.chance(0.8) || harm || (child.dob !== null && dayBefore < child.dob) ? R : dayBefore;
    const concern = this.text(concernFor(need, (items) => rng.pick(items)));
    const contactId = this.ids.uuid();
    const id = this.ids.uuid();
    const yearBefore = addMonths(R, -12);
    const last = episodes[episodes.length - 1];
    const reason = this.text(rng.pick(DECISION_REASONS[harm ? 'referral-harm' : 'referral']));
    this.pushContact(contactId, received, source, concern, harm, 'referral', R, reason, id, false);
    const row: Insertable<CinEpisodeTable> = {
      la_code: this.cfg.laCode,
      episode_id: id,
      child_id: child.personId,
      contact_id: contactId,
      referral_date: isoOf(R),
      referral_source: source,
      primary_need: need,
      referral_nfa: nfa,
      referrals_previous_12_months: episodes.filter((e) => e.referral >= yearBefore).length,
      previous_episode_id: last && last.closure !== null && last.closure >= yearBefore ? last.id : null,
      closure_date: null,
      closure_reason: null,
      closure_decision_id: null,
      created_by: null,
      created_at: this.at(R),
    };
    rows.cin_episode.push(row);
    const ep: Episode = { id, row, referral: R, closure: null, need };
    episodes.push(ep);
    const from = REFERRAL_SOURCE[source as keyof typeof REFERRAL_SOURCE];
    const what = nfa ? 'Referral: no further action' : `Referral accepted: ${PRIMARY_NEED[need as keyof typeof PRIMARY_NEED]}`;
    this.chron(R, 'referral', `${what}. Contact from ${from}: ${concern} ${reason}`, 'cin-episode', id);
    return ep;
  }

  /** Contacts about the child, in the year or so before a referral, that went no further. */
  protected contactsBefore(R: number, previousClosure: number | null): void {
    const { rng, asOf } = this;
    const child = this.c.child;
    const r = rng.next();
    const n = r < 0.25 ? 0 : r < 0.52 ? 1 : r < 0.76 ? 2 : r < 0.9 ? 3 : 4;
    const earliest = Math.max(previousClosure === null ? -Infinity : previousClosure + 7, child.dob ?? R - 150, asOf - 1100);
    const dates: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = R - rng.between(7, 300);
      if (d >= earliest) dates.push(d);
    }
    dates.sort((a, b) => a - b);
    for (const d of dates) this.contact(d, null);
  }

  /** A contact decided as no further action or early help (or not yet decided). */
  protected contact(received: number, need: string | null): void {
    const { rng, days, asOf } = this;
    const source = REFERRAL_SOURCES.pick(rng);
    const concern = this.text(concernFor(need, (items) => rng.pick(items)));
    const r = rng.next();
    let decided: number | null = r < 0.55 ? days.add(received, 0) : r < 0.91 ? days.add(received, 1) : days.add(received, rng.between(2, 5));
    if (decided > asOf || (asOf - received <= 21 && rng.chance(0.35))) decided = null;
    const decision = rng.chance(0.55) ? 'nfa' : 'early-help';
    const reason = decided === null ? null : this.text(rng.pick(DECISION_REASONS[decision]));
    this.pushContact(this.ids.uuid(), received, source, concern, false, decided === null ? null : decision, decided, reason, null);
  }

  protected pushContact(
    contactId: string,
    received: number,
    source: string,
    concern: string,
    harm: boolean,
    decision: 'nfa' | 'early-help' | 'referral' | null,
    decided: number | null,
    reason: string | null,
    episodeId: string | null,
    chronicle = true,
  ): void {
    const { rows, child } = this.c;
    const receivedAt = timestampOf(received, this.rng.between(8, 17), this.rng.int(60));
    rows.contact.push({
      la_code: this.cfg.laCode,
      contact_id: contactId,
      child_id: child.personId,
      received_at: receivedAt,
      received_on: isoOf(received),
      source,
      presenting_concern: concern,
      significant_harm_suspected: harm,
      decision,
      decided_on: decided === null ? null : isoOf(decided),
      decided_by: null,
      decision_reason: reason,
      episode_id: episodeId,
      recorded_by: null,
      recorded_at: receivedAt,
    });
    const from = `Contact from ${REFERRAL_SOURCE[source as keyof typeof REFERRAL_SOURCE]}: ${concern}`;
    const outcome = decision === 'referral' ? '' : decision === null ? ' Awaiting a decision.' : ` Decision: ${CONTACT_DECISION[decision]} — ${reason ?? ''}`;
    if (chronicle) this.chron(received, 'contact', `${from}${outcome}`, 'contact', contactId);
  }

  /**
   * An assessment from the referral: authorised within 45 working days mostly, a tail later
   * (with a reason), and still in progress when it would finish after `asOf`. `completeBy`
   * brings the finish forward (to a strategy discussion); `ceiling` bounds it (a closed case).
   */
  protected assess(
    ep: Episode,
    R: number,
    opts: { outcome: (completed: number) => string; completeBy?: number | undefined; ceiling?: number; enquiry?: boolean },
  ): Assessed {
    const { rng, days, asOf } = this;
    const { child } = this.c;
    // Recent referrals meet a backlog: more of them run late (some are overdue today).
    const late = rng.chance(asOf - R < 110 ? 0.2 : 0.11);
    const D = late ? rng.between(46, 70) : 45 - Math.floor(rng.next() ** 1.4 * 33);
    let start = days.add(R, rng.chance(0.55) ? 0 : rng.between(1, 3));
    let authorised = days.add(R, D);
    const bound = Math.min(opts.completeBy ?? Infinity, opts.ceiling ?? Infinity);
    if (authorised > bound) authorised = Math.max(R, days.onOrBefore(bound));
    if (start > asOf) start = Math.max(R, days.onOrBefore(asOf));
    if (start > authorised) start = R;
    if (authorised < start) authorised = start;
    let completed: number | null = Math.max(start, days.add(authorised, -rng.between(0, 2)));
    let authorisedOn: number | null = authorised;
    if (authorised > asOf) {
      authorisedOn = null;
      if (completed > asOf || rng.chance(0.6)) completed = null;
    }
    const seenDay = days.add(start, rng.between(0, 5));
    const seen = seenDay <= Math.min(completed ?? asOf, asOf) && child.dob !== null && seenDay >= child.dob ? seenDay : null;
    const age = seen === null ? null : ageOn(child.dob as number, seen);
    const outcome = completed === null ? null : opts.outcome(completed);
    const id = this.ids.uuid();
    const wdFromReferral = authorisedOn === null ? 0 : days.between(R, authorisedOn);
    const lateReason = authorisedOn !== null && wdFromReferral > 45 ? rng.pick(LATE_REASONS) : null;
    this.pushAssessment(ep, id, start, {
      seen,
      seenAlone: seen === null ? null : age !== null && age >= 5 && rng.chance(0.65),
      factors: completed === null ? [] : this.factors(ep.need, outcome, opts.enquiry ?? false),
      completed,
      outcome,
      authorised: authorisedOn,
      lateReason,
    });
    if (completed !== null && outcome !== null) {
      const what = ASSESSMENT_OUTCOME[outcome as keyof typeof ASSESSMENT_OUTCOME];
      const by =
        authorisedOn === null
          ? '; awaiting a manager’s authorisation'
          : `; authorised by the team manager${authorisedOn > completed ? ` on ${isoOf(authorisedOn)}` : ''}${lateReason ? ` (late: ${lateReason})` : ''}`;
      this.chron(completed, 'assessment', `Assessment (started ${isoOf(start)}) completed: ${what}${by}`, 'assessment', id);
    } else this.chron(start, 'assessment', 'Assessment started', 'assessment', id);
    return { start, completed, authorised: authorisedOn };
  }

  /**
   * An updated assessment within a long episode, authorised on `on`. It starts after the one
   * before it was authorised (`after`): two open at once in an episode is CIN census error 8896.
   */
  protected reassess(ep: Episode, on: number, after: number): void {
    const { rng, days } = this;
    const { child } = this.c;
    const start = Math.min(on, Math.max(ep.referral, days.add(after, 1), days.add(on, -rng.between(15, 35))));
    const completed = Math.max(start, days.add(on, -rng.between(0, 1)));
    const seen = days.add(start, rng.between(0, 5));
    const age = child.dob === null || seen < child.dob ? null : ageOn(child.dob, seen);
    const id = this.ids.uuid();
    const unseen = age === null || seen > completed;
    this.pushAssessment(ep, id, start, {
      seen: unseen ? null : seen,
      seenAlone: unseen ? null : age >= 5 && rng.chance(0.7),
      factors: this.factors(ep.need, 'child-in-need-plan'),
      completed,
      outcome: 'child-in-need-plan',
      authorised: on,
      lateReason: null,
    });
    this.chron(completed, 'assessment', 'Updated assessment completed: Child in need plan; authorised by the team manager', 'assessment', id);
  }

  /** An updated assessment started on `start` and not yet completed. */
  protected assessmentUnderWay(ep: Episode, start: number): void {
    const id = this.ids.uuid();
    this.pushAssessment(ep, id, start, { seen: null, seenAlone: null, factors: [], completed: null, outcome: null, authorised: null, lateReason: null });
    this.chron(start, 'assessment', 'Updated assessment started: circumstances have changed', 'assessment', id);
  }

  /**
   * An assessment's row, started on `start`: what the caller drew (the child seen, the factors,
   * completion and a manager's authorisation), then the time it was created.
   */
  private pushAssessment(
    ep: Episode,
    id: string,
    start: number,
    found: {
      seen: number | null;
      seenAlone: boolean | null;
      factors: string[];
      completed: number | null;
      outcome: string | null;
      authorised: number | null;
      lateReason: string | null;
    },
  ): void {
    this.c.rows.assessment.push({
      la_code: this.cfg.laCode,
      assessment_id: id,
      episode_id: ep.id,
      child_id: this.c.child.personId,
      start_date: isoOf(start),
      child_seen_on: found.seen === null ? null : isoOf(found.seen),
      child_seen_alone: found.seenAlone,
      factors: found.factors,
      completed_on: found.completed === null ? null : isoOf(found.completed),
      outcome: found.outcome,
      authorised_on: found.authorised === null ? null : isoOf(found.authorised),
      authorised_by: found.authorised === null ? null : this.cfg.managerUserId,
      late_reason: found.lateReason,
      created_by: null,
      created_at: this.at(start),
    });
  }

  /** `enquiry`: a section 47 enquiry ran in the episode, which then closes RC7 (CIN census rule 2990), not RC8. */
  protected factors(need: string, outcome: string | null, enquiry = false): string[] {
    const { rng } = this;
    const child = this.c.child;
    if (child.uasc) return rng.chance(0.3) ? ['9A', '4A'] : ['9A'];
    // "No factors identified" (21) ends in no further action closed RC8/RC9 (CIN census query 8873Q);
    // an assessment that goes on to a plan, or follows an enquiry, found something, here "other" (20).
    // The same draw as before decides, so the rest of the generator's choices are unchanged.
    if (rng.chance(outcome === 'no-further-action' ? 0.35 : 0.03)) return outcome === 'no-further-action' && !enquiry ? ['21'] : ['20'];
    const out = new Set<string>();
    if (need === 'N2') out.add(rng.chance(0.6) ? '5A' : '6A');
    const n = rng.chance(0.35) ? 1 : rng.chance(0.6) ? 2 : 3;
    while (out.size < n) out.add(FACTORS.pick(rng));
    return [...out];
  }
}
