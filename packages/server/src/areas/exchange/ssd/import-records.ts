/** The case records of an SSD extract as Lantern's rows: contacts to care leavers (see import-rows.ts). */
import { planLookedAfter } from './import-cla.ts';
import { planHealth } from './import-health.ts';
import { planMore } from './import-more.ts';
import type { Planned, PlanContext } from './import-rows.ts';

export function planCaseRecords(c: PlanContext): Planned {
  const { laCode, actorId, rows, id, skip, event, childOf, oneOpen, json, moment, londonDay, sets, NOTE } = c;
  const table = (object: string) => c.extract.tables.get(object) ?? [];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

  for (const r of table('ssd_contacts')) {
    const child = childOf('ssd_contacts', r, 'cont_person_id', 'cont_contact_id');
    if (!child) continue;
    if (!r.cont_contact_date) {
      skip('ssd_contacts', r, 'cont_contact_id', 'No cont_contact_date');
      continue;
    }
    const at = moment(r.cont_contact_date);
    const o = json(r.cont_contact_outcome_json ?? '');
    const decision = ['nfa', 'early-help', 'referral'].includes(String(o.decision)) ? String(o.decision) : null;
    const contactId = id('contact', r.cont_contact_id ?? '');
    const on = londonDay(at);
    rows.contact.push({
      la_code: laCode,
      contact_id: contactId,
      child_id: child,
      received_at: at.toISOString(),
      received_on: on,
      source: r.cont_contact_source_code || 'not-given',
      presenting_concern: NOTE,
      decision,
      decided_on: decision ? (str(o.decided_on) ?? on) : null,
      episode_id: str(o.referral_id) ? id('episode', String(o.referral_id)) : null,
      recorded_by: actorId,
    });
    event(child, on, 'contact', 'Contact received', 'contact', contactId);
  }

  const episodes = new Map<string, { child: string; referral: string }>();
  for (const r of table('ssd_cin_episodes')) {
    const child = childOf('ssd_cin_episodes', r, 'cine_person_id', 'cine_referral_id');
    if (!child) continue;
    const start = r.cine_referral_date ?? '';
    const closed = r.cine_close_date || null;
    const reason = r.cine_close_reason || null;
    const why = !start
      ? 'No cine_referral_date'
      : !!closed !== !!reason
        ? 'A close date needs a close reason, and a reason a date'
        : closed && closed < start
          ? 'Closed before the referral'
          : !oneOpen('episode', child, closed)
            ? 'A second open CIN episode for the child'
            : null;
    if (why) {
      skip('ssd_cin_episodes', r, 'cine_referral_id', why);
      continue;
    }
    const episodeId = id('episode', r.cine_referral_id ?? '');
    const o = json(r.cine_referral_outcome_json ?? '');
    episodes.set(episodeId, { child, referral: start });
    rows.cin_episode.push({
      la_code: laCode,
      episode_id: episodeId,
      child_id: child,
      referral_date: start,
      referral_source: r.cine_referral_source_code || 'not-given',
      primary_need: r.cine_cin_primary_need_code || 'not-given',
      referral_nfa: r.cine_referral_nfa === 'Y',
      referrals_previous_12_months: Number.isInteger(o.referrals_previous_12_months) ? o.referrals_previous_12_months : 0,
      closure_date: closed,
      closure_reason: reason,
      created_by: actorId,
    });
    event(child, start, 'referral', 'Referral: child in need episode opened', 'cin-episode', episodeId);
  }
  /** The CIN episode a record belongs to, or a note that it is not in the extract. */
  const episodeOf = (object: string, r: Record<string, string> & { _row: string }, field: string, key: string) => {
    const e = id('episode', r[field] ?? '');
    const found = episodes.get(e);
    if (found) return { id: e, ...found };
    skip(object, r, key, r[field] ? `${field} ${r[field]} is not a CIN episode in ssd_cin_episodes` : `No ${field}`);
    return null;
  };

  const factors = new Map<string, string[]>();
  for (const r of table('ssd_assessment_factors')) {
    const list: unknown = r.cinf_assessment_factors_json ? JSON.parse(r.cinf_assessment_factors_json) : [];
    factors.set(id('assessment', r.cinf_assessment_id ?? ''), Array.isArray(list) ? list.map(String) : Object.keys(list as object));
  }
  for (const r of table('ssd_cin_assessments')) {
    const e = episodeOf('ssd_cin_assessments', r, 'cina_referral_id', 'cina_assessment_id');
    if (!e) continue;
    const start = r.cina_assessment_start_date ?? '';
    const o = json(r.cina_assessment_outcome_json ?? '');
    const authorised = r.cina_assessment_auth_date || null;
    const completed = str(o.completed_on) ?? authorised;
    if (!start || (completed && completed < start) || (authorised && completed && authorised < completed)) {
      skip('ssd_cin_assessments', r, 'cina_assessment_id', !start ? 'No start date' : 'Completed or authorised before it started');
      continue;
    }
    const outcome = sets.ASSESSMENT_OUTCOME.has(String(o.outcome)) ? String(o.outcome) : r.cina_assessment_outcome_nfa === 'Y' ? 'no-further-action' : null;
    const assessmentId = id('assessment', r.cina_assessment_id ?? '');
    rows.assessment.push({
      la_code: laCode,
      assessment_id: assessmentId,
      episode_id: e.id,
      child_id: e.child,
      start_date: start,
      child_seen_on: r.cina_assessment_child_seen === 'Y' ? start : null,
      factors: factors.get(assessmentId) ?? [],
      completed_on: completed,
      outcome,
      authorised_on: authorised,
      created_by: actorId,
    });
    event(e.child, start, 'assessment', 'Child and family assessment started', 'assessment', assessmentId);
  }
  for (const r of table('ssd_cin_plans')) {
    const e = episodeOf('ssd_cin_plans', r, 'cinp_referral_id', 'cinp_cin_plan_id');
    if (!e) continue;
    const start = r.cinp_cin_plan_start_date ?? '';
    const end = r.cinp_cin_plan_end_date || null;
    if (!start || (end && end < start) || !oneOpen('cin-plan', e.child, end)) {
      skip(
        'ssd_cin_plans',
        r,
        'cinp_cin_plan_id',
        !start ? 'No start date' : end && end < start ? 'Ends before it starts' : 'A second open child in need plan',
      );
      continue;
    }
    const planId = id('cin-plan', r.cinp_cin_plan_id ?? '');
    rows.cin_plan.push({ la_code: laCode, cin_plan_id: planId, episode_id: e.id, child_id: e.child, start_date: start, end_date: end, created_by: actorId });
    event(e.child, start, 'plan', 'Child in need plan started', 'cin-plan', planId);
  }
  const enquiries = new Map<string, { episode: string; child: string }>();
  for (const r of table('ssd_s47_enquiry')) {
    const e = episodeOf('ssd_s47_enquiry', r, 's47e_referral_id', 's47e_s47_enquiry_id');
    if (!e) continue;
    const start = r.s47e_s47_start_date ?? '';
    const end = r.s47e_s47_end_date || null;
    if (!start || (end && end < start)) {
      skip('ssd_s47_enquiry', r, 's47e_s47_enquiry_id', !start ? 'No start date' : 'Ends before it starts');
      continue;
    }
    const o = json(r.s47e_s47_outcome_json ?? '');
    const s47Id = id('s47', r.s47e_s47_enquiry_id ?? '');
    const strategyId = id('strategy', r.s47e_s47_enquiry_id ?? '');
    const outcome = sets.S47_OUTCOME.has(String(o.outcome)) ? String(o.outcome) : r.s47e_s47_nfa === 'Y' ? 'no-further-action' : null;
    enquiries.set(s47Id, { episode: e.id, child: e.child });
    rows.strategy_discussion.push({
      la_code: laCode,
      strategy_id: strategyId,
      episode_id: e.id,
      child_id: e.child,
      held_on: start,
      agencies: [],
      decision: 'section-47',
      reasons: `${NOTE}: the strategy discussion is implied by the section 47 enquiry`,
      created_by: actorId,
    });
    rows.section47.push({
      la_code: laCode,
      s47_id: s47Id,
      episode_id: e.id,
      child_id: e.child,
      strategy_id: strategyId,
      start_date: start,
      completed_on: end,
      outcome,
      icpc_not_required: o.icpc_required === false,
      icpc_not_required_reason: o.icpc_required === false ? NOTE : null,
      created_by: actorId,
    });
    event(e.child, start, 'section-47', 'Section 47 enquiry started', 'section47', s47Id);
  }
  const plans = new Map<string, { episode: string; child: string }>();
  for (const r of table('ssd_cp_plans')) {
    const e = episodeOf('ssd_cp_plans', r, 'cppl_referral_id', 'cppl_cp_plan_id');
    if (!e) continue;
    const start = r.cppl_cp_plan_start_date ?? '';
    const end = r.cppl_cp_plan_end_date || null;
    if (!start || !r.cppl_cp_plan_initial_category || (end && end < start) || !oneOpen('cp-plan', e.child, end)) {
      skip(
        'ssd_cp_plans',
        r,
        'cppl_cp_plan_id',
        !start
          ? 'No start date'
          : !r.cppl_cp_plan_initial_category
            ? 'No initial category of abuse'
            : end && end < start
              ? 'Ends before it starts'
              : 'A second open child protection plan',
      );
      continue;
    }
    const planId = id('cp-plan', r.cppl_cp_plan_id ?? '');
    plans.set(planId, { episode: e.id, child: e.child });
    rows.cp_plan.push({
      la_code: laCode,
      plan_id: planId,
      episode_id: e.id,
      child_id: e.child,
      start_date: start,
      initial_category: r.cppl_cp_plan_initial_category,
      latest_category: r.cppl_cp_plan_latest_category || r.cppl_cp_plan_initial_category,
      end_date: end,
      created_by: actorId,
    });
    event(e.child, start, 'protection', 'Child protection plan started', 'cp-plan', planId);
  }
  for (const r of table('ssd_initial_cp_conference')) {
    const s = enquiries.get(id('s47', r.icpc_s47_enquiry_id ?? ''));
    if (!s || !r.icpc_icpc_date) {
      skip(
        'ssd_initial_cp_conference',
        r,
        'icpc_icpc_id',
        !s ? `icpc_s47_enquiry_id ${r.icpc_s47_enquiry_id} is not an enquiry in ssd_s47_enquiry` : 'No icpc_icpc_date',
      );
      continue;
    }
    const o = json(r.icpc_icpc_outcome_json ?? '');
    const outcome = ['plan', 'no-plan'].includes(String(o.outcome)) ? String(o.outcome) : r.icpc_icpc_outcome_cp_flag === 'Y' ? 'plan' : 'no-plan';
    const conferenceId = id('conference', r.icpc_icpc_id ?? '');
    rows.cp_conference.push({
      la_code: laCode,
      conference_id: conferenceId,
      episode_id: s.episode,
      child_id: s.child,
      kind: 'initial',
      s47_id: id('s47', r.icpc_s47_enquiry_id ?? ''),
      plan_id: r.icpc_cp_plan_id ? id('cp-plan', r.icpc_cp_plan_id) : null,
      held_on: r.icpc_icpc_date,
      outcome,
      child_met_decider: o.child_met_decider === true,
      parents_met_decider: o.parents_met_decider === true,
      created_by: actorId,
    });
    event(s.child, r.icpc_icpc_date, 'conference', 'Initial child protection conference', 'cp-conference', conferenceId);
  }
  for (const r of table('ssd_cp_reviews')) {
    const p = plans.get(id('cp-plan', r.cppr_cp_plan_id ?? ''));
    if (!p || !r.cppr_cp_review_date) {
      skip(
        'ssd_cp_reviews',
        r,
        'cppr_cp_review_id',
        !p
          ? `cppr_cp_plan_id ${r.cppr_cp_plan_id} is not a plan in ssd_cp_plans`
          : 'No cppr_cp_review_date (a review not yet held is a deadline, which Lantern derives)',
      );
      continue;
    }
    const conferenceId = id('conference', r.cppr_cp_review_id ?? '');
    rows.cp_conference.push({
      la_code: laCode,
      conference_id: conferenceId,
      episode_id: p.episode,
      child_id: p.child,
      kind: 'review',
      plan_id: id('cp-plan', r.cppr_cp_plan_id ?? ''),
      held_on: r.cppr_cp_review_date,
      outcome: r.cppr_cp_review_outcome_continue_cp === 'N' ? 'end-plan' : 'continue-plan',
      child_met_decider: r.cppr_cp_review_participation === 'Y',
      parents_met_decider: false,
      created_by: actorId,
    });
    event(p.child, r.cppr_cp_review_date, 'conference', 'Review child protection conference', 'cp-conference', conferenceId);
  }
  const visits: [string, string, string][] = [
    ['ssd_cin_visits', 'cinv', 'child-in-need'],
    ['ssd_cp_visits', 'cppv', 'child-protection'],
    ['ssd_cla_visits', 'clav', 'looked-after'],
  ];
  for (const [object, p, purpose] of visits) {
    const f = (name: string) => `${p}_${object === 'ssd_cin_visits' ? 'cin' : object === 'ssd_cp_visits' ? 'cp' : 'cla'}_${name}`;
    for (const r of table(object)) {
      const child = childOf(object, r, `${p}_person_id`, f('visit_id'));
      if (!child) continue;
      const on = r[f('visit_date')];
      if (!on) {
        skip(object, r, f('visit_id'), `No ${f('visit_date')}`);
        continue;
      }
      const visitId = id('visit', r[f('visit_id')] ?? '');
      rows.visit.push({
        la_code: laCode,
        visit_id: visitId,
        child_id: child,
        visited_on: on,
        purpose,
        child_seen: r[f('visit_seen')] === 'Y',
        seen_alone: r[f('visit_seen_alone')] === 'Y',
        created_by: actorId,
      });
      event(child, on, 'visit', r[f('visit_seen')] === 'Y' ? 'Visit: child seen' : 'Visit: child not seen', 'visit', visitId);
    }
  }
  planLookedAfter(c);
  planHealth(c);
  planMore(c);
  return { rows, chronology: c.chronology, notPlaced: c.notPlaced };
}
