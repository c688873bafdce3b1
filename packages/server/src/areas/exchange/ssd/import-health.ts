/** The health records of an SSD extract as Lantern's rows (see import-rows.ts). */
import type { PlanContext } from './import-rows.ts';

const CHECKS = new Set(['initial-health-assessment', 'review-health-assessment', 'dental']);
const SDQ_REASONS = new Set(['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']);

export function planHealth(c: PlanContext): void {
  const { laCode, actorId, rows, id, skip, event, childOf } = c;
  const table = (object: string) => c.extract.tables.get(object) ?? [];

  for (const r of table('ssd_cla_health')) {
    const child = childOf('ssd_cla_health', r, 'clah_person_id', 'clah_health_check_id');
    if (!child) continue;
    if (!CHECKS.has(r.clah_health_check_type ?? '') || !r.clah_health_check_date) {
      skip('ssd_cla_health', r, 'clah_health_check_id', `A health check needs a date and a type Lantern keeps (${[...CHECKS].join(', ')})`);
      continue;
    }
    const checkId = id('health-check', r.clah_health_check_id ?? '');
    rows.health_check.push({
      la_code: laCode,
      check_id: checkId,
      child_id: child,
      kind: r.clah_health_check_type,
      done_on: r.clah_health_check_date,
      created_by: actorId,
    });
    event(child, r.clah_health_check_date, 'health', r.clah_health_check_type === 'dental' ? 'Dental check' : 'Health assessment', 'health-check', checkId);
  }

  // An SSDA903 OC2 outcome is one Lantern record behind the SDQ, substance misuse and immunisation objects.
  const immunised = new Map(table('ssd_cla_immunisations').map((r) => [id('person', r.clai_person_id ?? ''), r]));
  const misuse = new Map(table('ssd_cla_substance_misuse').map((r) => [id('health-outcome', r.clas_substance_misuse_id ?? ''), r]));
  const done = new Set<string>();
  const outcome = (outcomeId: string, child: string, on: string, sdq: { score: string; reason: string } | null) => {
    const m = misuse.get(outcomeId);
    const imm = immunised.get(child);
    const score = sdq && /^\d{1,2}$/.test(sdq.score) && Number(sdq.score) <= 40 ? Number(sdq.score) : null;
    done.add(outcomeId);
    rows.health_outcome.push({
      la_code: laCode,
      outcome_id: outcomeId,
      child_id: child,
      recorded_on: on,
      immunisations_up_to_date: imm?.clai_immunisations_status_date === on && imm.clai_immunisations_status === 'Y',
      sdq_score: score,
      sdq_reason: score === null ? (sdq && SDQ_REASONS.has(sdq.reason) ? sdq.reason : 'SDQ5') : null,
      substance_misuse: m?.clas_substance_misused === 'Y',
      intervention_received: m?.clas_intervention_received === 'Y' ? true : m?.clas_intervention_received === 'N' ? false : null,
      created_by: actorId,
    });
  };
  for (const r of table('ssd_sdq_scores')) {
    const child = childOf('ssd_sdq_scores', r, 'csdq_person_id', 'csdq_table_id');
    if (!child) continue;
    const outcomeId = id('health-outcome', r.csdq_table_id ?? '');
    if (!r.csdq_sdq_completed_date || done.has(outcomeId)) {
      skip('ssd_sdq_scores', r, 'csdq_table_id', !r.csdq_sdq_completed_date ? 'No csdq_sdq_completed_date' : 'A second record with the same id');
      continue;
    }
    outcome(outcomeId, child, r.csdq_sdq_completed_date, { score: r.csdq_sdq_score ?? '', reason: r.csdq_sdq_reason ?? '' });
  }
  for (const r of table('ssd_cla_substance_misuse')) {
    const outcomeId = id('health-outcome', r.clas_substance_misuse_id ?? '');
    if (done.has(outcomeId)) continue;
    const child = childOf('ssd_cla_substance_misuse', r, 'clas_person_id', 'clas_substance_misuse_id');
    if (!child) continue;
    if (!r.clas_substance_misuse_date) {
      skip('ssd_cla_substance_misuse', r, 'clas_substance_misuse_id', 'No clas_substance_misuse_date');
      continue;
    }
    outcome(outcomeId, child, r.clas_substance_misuse_date, null);
  }
}
