/**
 * The SSDA903 import's later tables for one child: UASC, previous permanence, OC2 health
 * outcomes and checks, OC3 birthday contacts, adoption (AD1 and PlacedAdoption), social worker
 * episodes and deprivation of liberty orders (DoLo). Each is matched by its natural key; what is already recorded is kept.
 */
import { orderedId } from '../../../kernel/db/ordered-id.ts';
import { addYears, type ChildInBatch, flag, iso, NOTE } from './import-context.ts';

export function placeLaterTables(b: ChildInBatch): void {
  const { ctx, rows, existing, laChildId, childId, dob, known, epRows, col, skip, newKey, audit, chronology } = b;
  const { laCode, actor, groups, start, ref, workers } = ctx;
  for (const i of groups.UASC?.get(laChildId) ?? []) {
    const firstCare = known[0]?.start ?? null;
    if (!firstCare) {
      skip(laChildId, 'UASC', i, 'A UASC record for a child with no episode of care (its referral date comes from the first episode)');
      continue;
    }
    if (!newKey(`uasc|${childId}|`)) continue;
    rows.uasc_record.push({
      la_code: laCode,
      child_id: childId,
      referred_on: firstCare,
      referral_route: 'other',
      age_assessment: 'not-needed',
      ceased_on: iso(col('UASC', 'DUC', i)),
      notes: `${NOTE}: the return does not carry the referral, so its date is the first episode's`,
      created_by: actor.userId,
    });
    audit(childId, 'uasc-record', childId);
  }

  for (const i of groups.PrevPerm?.get(laChildId) ?? []) {
    const prev = col('PrevPerm', 'PREV_PERM', i);
    if (!['P1', 'P2', 'P3', 'P4', 'Z1'].includes(prev)) {
      if (prev) skip(laChildId, 'PrevPerm', i, `PREV_PERM "${prev}" is not P1–P4 or Z1`);
      continue;
    }
    // Recorded at the start of the child's period of care in the year.
    const period = known.filter((k) => k.start >= start && k.start <= ref && k.period === k.id).at(-1)?.period;
    if (!period) {
      skip(laChildId, 'PrevPerm', i, 'No period of care starts in the year for the previous permanence to belong to');
      continue;
    }
    if (!newKey(`prevperm|${childId}|${period}`)) continue;
    rows.previous_permanence.push({
      la_code: laCode,
      child_id: childId,
      period_id: period,
      prev_perm: prev,
      la_perm: col('PrevPerm', 'LA_PERM', i) || null,
      date_perm: col('PrevPerm', 'DATE_PERM', i) || null,
      created_by: actor.userId,
    });
    audit(childId, 'previous-permanence', `${childId}:${period}`);
  }

  // OC2: one outcome as at 31 March; the checks done in the year, on 31 March (the return has no dates).
  for (const i of groups.OC2?.get(laChildId) ?? []) {
    const o = (c: string) => col('OC2', c, i);
    const imm = flag(o('IMMUNISATIONS'));
    const misuse = flag(o('SUBSTANCE_MISUSE'));
    if (imm === null || misuse === null) {
      skip(laChildId, 'OC2', i, 'IMMUNISATIONS and SUBSTANCE_MISUSE must be 0 or 1');
      continue;
    }
    const score = /^\d{1,2}$/.test(o('SDQ_SCORE')) && Number(o('SDQ_SCORE')) <= 40 ? Number(o('SDQ_SCORE')) : null;
    let reason = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'].includes(o('SDQ_REASON')) ? o('SDQ_REASON') : null;
    if (score !== null) reason = null;
    const ageAtEnd = dob ? Number(ref.slice(0, 4)) - Number(dob.slice(0, 4)) - (ref.slice(5) < dob.slice(5) ? 1 : 0) : null;
    // No score and no reason: the child is outside the SDQ's ages (4–16), which the export leaves blank.
    if (score === null && reason === null) {
      if (ageAtEnd !== null && (ageAtEnd < 4 || ageAtEnd >= 17)) reason = 'SDQ1';
      else {
        skip(laChildId, 'OC2', i, 'Neither an SDQ_SCORE (0–40) nor an SDQ_REASON for a child aged 4 to 16');
        continue;
      }
    }
    if (newKey(`outcome|${childId}|${ref}`)) {
      const id = orderedId();
      rows.health_outcome.push({
        la_code: laCode,
        outcome_id: id,
        child_id: childId,
        recorded_on: ref,
        immunisations_up_to_date: imm,
        sdq_score: score,
        sdq_reason: reason,
        substance_misuse: misuse,
        intervention_received: flag(o('INTERVENTION_RECEIVED')),
        intervention_offered: flag(o('INTERVENTION_OFFERED')),
        convicted: flag(o('CONVICTED')) ?? false,
        created_by: actor.userId,
      });
      audit(childId, 'health-outcome', id);
    }
    const check = (kind: string, summary: string) => {
      if (!newKey(`check|${childId}|${kind}|${ref}`)) return;
      const id = orderedId();
      rows.health_check.push({
        la_code: laCode,
        check_id: id,
        child_id: childId,
        kind,
        done_on: ref,
        notes: `${NOTE}: done in the year; the return does not give the date`,
        created_by: actor.userId,
      });
      audit(childId, 'health-check', id);
      chronology(childId, ref, 'health', summary, 'health-check', id);
    };
    if (o('HEALTH_ASSESSMENT') === '1' || o('HEALTH_CHECK') === '1') check('review-health-assessment', 'Health assessment (from the SSDA903 return)');
    if (o('TEETH_CHECK') === '1') check('dental', 'Dental check (from the SSDA903 return)');
  }

  // OC3: the contact around the birthday in the year.
  for (const i of groups.OC3?.get(laChildId) ?? []) {
    const inTouch = col('OC3', 'IN_TOUCH', i);
    if (!['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'].includes(inTouch) || !dob) {
      skip(laChildId, 'OC3', i, 'IN_TOUCH must be YES, NO, DIED, REFU, NREQ or RHOM (and the child needs a date of birth)');
      continue;
    }
    const age = [17, 18, 19, 20, 21].find((n) => addYears(dob, n) >= start && addYears(dob, n) <= ref);
    if (!age) {
      skip(laChildId, 'OC3', i, 'The young person has no 17th to 21st birthday in the year');
      continue;
    }
    const birthday = addYears(dob, age);
    if (newKey(`leaver|${childId}|`)) {
      rows.care_leaver.push({
        la_code: laCode,
        child_id: childId,
        category: 'former-relevant',
        eligible_from: addYears(dob, 16),
        created_by: actor.userId,
      });
      audit(childId, 'care-leaver', childId);
      chronology(childId, addYears(dob, 16), 'care-leaver', 'Leaving care: former relevant (from the SSDA903 return)', 'care-leaver', childId);
    }
    if (!newKey(`birthday|${childId}|${age}`)) continue;
    rows.leaver_birthday_contact.push({
      la_code: laCode,
      child_id: childId,
      birthday_age: age,
      contact_on: birthday,
      in_touch: inTouch,
      activity: col('OC3', 'ACTIV', i) || '0',
      accommodation: col('OC3', 'ACCOM', i) || '0',
      created_by: actor.userId,
    });
    audit(childId, 'leaver-birthday-contact', `${childId}:${age}`);
  }

  // AD1 (adopted in the year) and PlacedAdoption: one adoption journey per decision.
  const adoptions = existing.adoptions.get(childId) ?? [];
  existing.adoptions.set(childId, adoptions);
  for (const i of groups.AD1?.get(laChildId) ?? []) {
    const a = (c: string) => col('AD1', c, i);
    const decision = iso(a('DATE_INT'));
    const adopted = epRows
      .map((j) => ({ rec: col('Episodes', 'REC', j), dec: iso(col('Episodes', 'DEC', j)) }))
      .find((x) => (x.rec === 'E11' || x.rec === 'E12') && x.dec && x.dec >= start && x.dec <= ref);
    if (!decision) {
      skip(laChildId, 'AD1', i, 'DATE_INT is not a date (dd/mm/yyyy)');
      continue;
    }
    if (!adopted?.dec) {
      skip(laChildId, 'AD1', i, 'AD1 is for a child adopted in the year, but no episode ends in the year with REC E11 or E12');
      continue;
    }
    const sexes = ['M1', 'F1', 'MM', 'FF', 'MF'];
    const statuses = ['L0', 'L11', 'L12', 'L2', 'L3', 'L4'];
    const found = adoptions.find((x) => x.decision === decision);
    if (found) continue;
    const id = orderedId();
    rows.adoption.push({
      la_code: laCode,
      adoption_id: id,
      child_id: childId,
      decision_on: decision,
      matched_on: iso(a('DATE_MATCH')),
      adopter_count: a('NB_ADOPTR') === '1' || a('NB_ADOPTR') === '2' ? Number(a('NB_ADOPTR')) : null,
      adopter_sex: sexes.includes(a('SEX_ADOPTR')) ? a('SEX_ADOPTR') : null,
      adopter_legal_status: statuses.includes(a('LS_ADOPTR')) ? a('LS_ADOPTR') : null,
      foster_carer_adoption: flag(a('FOSTER_CARE')),
      adoption_order_on: adopted.dec,
      created_by: actor.userId,
    });
    adoptions.push({ id, decision, placed: null, closed: true });
    audit(childId, 'adoption', id);
    chronology(childId, adopted.dec, 'adoption', 'Adoption order made', 'adoption', id);
  }
  for (const i of groups.PlacedAdoption?.get(laChildId) ?? []) {
    const placed = iso(col('PlacedAdoption', 'DATE_PLACED', i));
    const ceased = iso(col('PlacedAdoption', 'DATE_PLACED_CEASED', i));
    const reason = col('PlacedAdoption', 'REASON_PLACED_CEASED', i);
    if (!placed) {
      skip(laChildId, 'PlacedAdoption', i, 'DATE_PLACED is not a date (dd/mm/yyyy)');
      continue;
    }
    if (!!ceased !== ['RD1', 'RD2', 'RD3', 'RD4'].includes(reason)) {
      skip(laChildId, 'PlacedAdoption', i, 'A placement for adoption that ceased needs both DATE_PLACED_CEASED and REASON_PLACED_CEASED RD1–RD4');
      continue;
    }
    // DATE_PLACED is the date of the decision that the child should be placed (rule 523: AD1's DATE_INT).
    if (adoptions.some((x) => x.decision === placed)) continue;
    if (!ceased && adoptions.some((x) => !x.closed)) {
      skip(laChildId, 'PlacedAdoption', i, 'The child already has an open adoption plan');
      continue;
    }
    const id = orderedId();
    rows.adoption.push({
      la_code: laCode,
      adoption_id: id,
      child_id: childId,
      decision_on: placed,
      placed_ceased_on: ceased,
      placed_ceased_reason: ceased ? reason : null,
      no_longer_on: ceased,
      no_longer_reason: ceased ? `${NOTE} (${reason})` : null,
      created_by: actor.userId,
    });
    adoptions.push({ id, decision: placed, placed: null, closed: !!ceased });
    audit(childId, 'adoption', id);
    chronology(childId, placed, 'adoption', 'Decision that the child should be placed for adoption', 'adoption', id);
  }

  // SWEpisodes: the allocated social worker, by SWE number (a worker is created when new).
  for (const i of groups.SWEpisodes?.get(laChildId) ?? []) {
    const s = (c: string) => col('SWEpisodes', c, i);
    const from = iso(s('SW_DECOM'));
    const to = iso(s('SW_DEC'));
    if (!from || !s('SW_ID')) {
      skip(laChildId, 'SWEpisodes', i, 'A social worker episode needs SW_ID and SW_DECOM');
      continue;
    }
    if (to && to < from) {
      skip(laChildId, 'SWEpisodes', i, 'SW_DEC is before SW_DECOM');
      continue;
    }
    if (!newKey(`sw|${childId}|${from}`)) continue;
    let workerId = workers.get(s('SW_ID'));
    if (!workerId) {
      workerId = orderedId();
      workers.set(s('SW_ID'), workerId);
      rows.worker.push({
        la_code: laCode,
        worker_id: workerId,
        given_name: 'Social worker',
        family_name: s('SW_ID'),
        job_role: 'social-worker',
        employment: 'permanent',
        start_date: from,
        swe_number: /^SW[0-9]{1,10}$/.test(s('SW_ID')) ? s('SW_ID') : null,
      });
      audit(null, 'worker', workerId);
    }
    const id = orderedId();
    rows.allocation.push({
      la_code: laCode,
      allocation_id: id,
      child_id: childId,
      worker_id: workerId,
      allocation_role: 'social-worker',
      start_date: from,
      end_date: to,
      start_reason: s('SW_REASON') || null,
      end_reason: to ? NOTE : null,
      allocated_by: actor.userId,
    });
    audit(childId, 'allocation', id);
    chronology(childId, from, 'allocation', `Social worker ${s('SW_ID')} allocated, from the SSDA903 return`, 'allocation', id);
  }

  // DoLo: an order by child and start. The return carries no court, case number or what it
  // authorises (left blank for the council to add); DOLO_END is the day it ended.
  for (const i of groups.DoLo?.get(laChildId) ?? []) {
    const made = iso(col('DoLo', 'DOLO_START', i));
    const endText = col('DoLo', 'DOLO_END', i);
    const ended = iso(endText);
    if (!made || (endText && !ended)) {
      skip(laChildId, 'DoLo', i, 'DOLO_START and any DOLO_END must be dates (dd/mm/yyyy)');
      continue;
    }
    if (ended && ended < made) {
      skip(laChildId, 'DoLo', i, 'DOLO_END is before DOLO_START');
      continue;
    }
    if (!newKey(`dolo|${childId}|${made}`)) continue;
    const id = orderedId();
    rows.deprivation_of_liberty_order.push({
      la_code: laCode,
      order_id: id,
      child_id: childId,
      period_id: known.find((k) => k.start <= made && (k.end === null || k.end >= made))?.period ?? null,
      made_on: made,
      ended_on: ended,
      recorded_by: actor.userId,
    });
    audit(childId, 'deprivation-of-liberty-order', id);
    chronology(childId, made, 'deprivation-of-liberty', 'Deprivation of liberty order (from the SSDA903 return)', 'deprivation-of-liberty-order', id);
    if (ended)
      chronology(childId, ended, 'deprivation-of-liberty', 'Deprivation of liberty order ended (from the SSDA903 return)', 'deprivation-of-liberty-order', id);
  }
}
