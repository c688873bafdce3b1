/**
 * Managers' oversight of the synthetic council's open cases (part of its workforce history,
 * workforce-history.ts): management decisions every six weeks to three months with some cases left
 * too long, risk assessments with the manager's view (a quarter over-optimistic), and case audits
 * with moderation and actions. Drawn from the history's own Rng streams, after its supervision.
 */
import { DEFAULT_AUDIT_QUESTIONS } from '@lantern/core/workforce';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { RowLoad } from '../kernel/db/insert-rows.ts';
import type { ChronologyEntryTable, Database } from '../kernel/db/schema.ts';
import { dayOf, isoOf, type Rng, WeightedPicker } from './rng.ts';

const OVERSIGHT_REASONS = [
  'Case reviewed: the plan is progressing; visits are on time and the child is seen alone.',
  'Case reviewed: drift in the plan; the worker to convene a meeting within two weeks.',
  'Case reviewed: the risk assessment needs updating with the recent police call-outs.',
  'Case reviewed: the child’s views are recorded and shape the plan; continue.',
  'Case reviewed: agencies are not attending; escalate to their safeguarding leads.',
];
const EVIDENCE = [
  'Case file and chronology',
  'Last three visit records and the plan',
  'Core group minutes and school report',
  'Health visitor report and visits',
];

const GRADE = WeightedPicker.of<string>([
  ['outstanding', 0.06],
  ['good', 0.38],
  ['requires-improvement', 0.42],
  ['inadequate', 0.14],
]);
type EpisodeRow = { episode_id: string; child_id: string; referral_date: string; worker_id: string | null; team_id: string | null };

/** Writes the oversight through `oversightLoad` (its rows as they pile up) and returns its counts. */
export async function seedCaseOversight(
  db: Kysely<Database>,
  oversightLoad: RowLoad,
  options: { laCode: string; asOf: number; rng: Rng; ids: Rng; managerUserId: string; auditorUserId: string },
): Promise<Record<string, number>> {
  const { laCode, asOf, rng, ids, managerUserId, auditorUserId } = options;
  // Open cases: managers' oversight every six weeks to three months; some cases left too long.
  const episodes = (
    await sql<EpisodeRow>`select e.episode_id, e.child_id, e.referral_date::text as referral_date, a.worker_id, w.team_id
      from cin_episode e
      left join allocation a on a.la_code = e.la_code and a.child_id = e.child_id and a.allocation_role = 'social-worker' and a.end_date is null
      left join worker w on w.la_code = a.la_code and w.worker_id = a.worker_id
      where e.la_code = ${laCode} and e.closure_date is null and not e.referral_nfa order by e.episode_id`.execute(db)
  ).rows;
  const decisions: object[] = [];
  const chronology: Insertable<ChronologyEntryTable>[] = [];
  const risks: object[] = [];
  const audits: object[] = [];
  const actions: object[] = [];
  oversightLoad.track('management_decision', decisions);
  oversightLoad.track('risk_assessment', risks);
  oversightLoad.track('case_audit', audits);
  oversightLoad.track('case_audit_action', actions);
  oversightLoad.track('chronology_entry', chronology);
  for (const e of episodes) {
    await oversightLoad.writeIfFull();
    const referral = dayOf(e.referral_date);
    const neglected = rng.chance(0.18);
    for (let day = referral + rng.between(15, 80); day <= asOf; day += rng.between(40, 95)) {
      const id = ids.uuid();
      const reasons = rng.pick(OVERSIGHT_REASONS);
      decisions.push({
        la_code: laCode,
        decision_id: id,
        child_id: e.child_id,
        episode_id: e.episode_id,
        kind: 'oversight',
        decided_on: isoOf(day),
        decided_by: managerUserId,
        reasons,
        evidence_seen: rng.pick(EVIDENCE),
      });
      chronology.push({
        la_code: laCode,
        entry_id: ids.uuid(),
        child_id: e.child_id,
        occurred_on: isoOf(day),
        category: 'management-decision',
        summary: `Management oversight: ${reasons}`,
        record_type: 'management-decision',
        record_id: id,
        recorded_by: managerUserId,
      });
      if (neglected) break;
    }
    if (rng.chance(0.35)) {
      const day = Math.min(asOf, referral + rng.between(10, 60));
      const workerScale = rng.between(4, 9);
      const viewed = rng.chance(0.7);
      // A quarter of managers see much less safety than the worker: over-optimism shows.
      const managerScale = viewed ? Math.max(0, workerScale - (rng.chance(0.25) ? rng.between(2, 4) : rng.between(0, 1))) : null;
      risks.push({
        la_code: laCode,
        risk_assessment_id: ids.uuid(),
        child_id: e.child_id,
        assessed_on: isoOf(day),
        worries: 'Parental alcohol use; missed health appointments; neighbours report shouting at night.',
        strengths: 'Grandparents nearby and involved; the child attends school every day.',
        next_steps: 'Alcohol service referral; health visitor to check weekly; review in six weeks.',
        worker_scale: workerScale,
        family_scale: Math.min(10, workerScale + rng.between(0, 2)),
        recorded_by: managerUserId,
        manager_scale: managerScale,
        manager_view: viewed ? 'Weighed against the history; agree the next steps.' : null,
        manager_user_id: viewed ? auditorUserId : null,
        manager_on: viewed ? isoOf(Math.min(asOf, day + rng.between(1, 10))) : null,
      });
    }
    if (rng.chance(0.12) && e.worker_id) {
      const from = Math.max(referral + 30, asOf - 365);
      if (from > asOf) continue;
      const day = from + rng.int(asOf - from + 1);
      const grade = GRADE.pick(rng);
      const moderated = rng.chance(0.5);
      const id = ids.uuid();
      audits.push({
        la_code: laCode,
        case_audit_id: id,
        child_id: e.child_id,
        team_id: e.team_id,
        audited_on: isoOf(day),
        auditor_user_id: auditorUserId,
        grade,
        answers: DEFAULT_AUDIT_QUESTIONS.map((q) => ({
          questionId: q.id,
          question: q.text,
          answer: grade === 'inadequate' || (grade === 'requires-improvement' && rng.chance(0.5)) ? 'no' : rng.chance(0.8) ? 'yes' : 'partly',
          comment: null,
        })),
        summary:
          grade === 'good' || grade === 'outstanding'
            ? 'The child is seen and heard; the plan is specific and followed.'
            : 'The risk assessment is optimistic and the plan drifts.',
        moderator_user_id: moderated ? managerUserId : null,
        moderated_on: moderated ? isoOf(Math.min(asOf, day + rng.between(3, 20))) : null,
        moderated_grade: moderated ? (rng.chance(0.7) ? grade : GRADE.pick(rng)) : null,
        moderation_notes: moderated ? 'Moderated at the monthly audit panel.' : null,
      });
      if (grade === 'requires-improvement' || grade === 'inadequate') {
        const due = day + 28;
        const done = due + 10 <= asOf && rng.chance(0.6);
        actions.push({
          la_code: laCode,
          action_id: ids.uuid(),
          case_audit_id: id,
          child_id: e.child_id,
          finding: 'The risk assessment does not weigh the history',
          action: 'Update the risk assessment with the chronology and discuss in supervision',
          owner_worker_id: e.worker_id,
          due_date: isoOf(due),
          completed_on: done ? isoOf(due - rng.between(0, 20)) : null,
          completed_by: done ? managerUserId : null,
          completion_evidence: done ? 'Risk assessment updated with the chronology (see the risk assessments); discussed in supervision.' : null,
        });
      }
    }
  }
  await oversightLoad.write();
  return oversightLoad.counts();
}
