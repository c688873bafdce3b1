/**
 * What early help shows: a child's episodes (the Early help page), and for the front door the
 * early help episode each contact is linked to (the contact decision screen's step-up).
 */
import { CONTACT_DECISION } from '@lantern/core/pathway';
import { EARLY_HELP_END, EARLY_HELP_ROUTE, type EarlyHelpChildView, type EarlyHelpLinkView, type EarlyHelpRoute } from '@lantern/core/early-help';
import { type Kysely, sql } from 'kysely';
import { childFor, mayAct } from '../../kernel/access.ts';
import type { Actor } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/schema.ts';

type Member = { name: string; role: string; agency?: string | null; partnerContactId?: string | null; workerId?: string | null };
const parseJson = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The lead professional's name, with their agency for a partner. */
const leadName = sql<string | null>`case
  when e.lead_kind = 'worker' then (select w.given_name || ' ' || w.family_name from worker w where w.la_code = e.la_code and w.worker_id = e.lead_worker_id)
  when e.lead_kind = 'partner' then (select c.name || ' (' || o.name || ')' from partner_contact c join partner_organisation o on o.la_code = c.la_code and o.organisation_id = c.organisation_id
    where c.la_code = e.la_code and c.contact_id = e.lead_contact_id)
end`;

/** Each contact of the child linked to an early help episode, with that episode as the front door sees it. */
export async function earlyHelpLinksOfContacts(db: Kysely<Database>, laCode: string, childId: string): Promise<Map<string, EarlyHelpLinkView>> {
  const rows = await db
    .selectFrom('early_help_step_up as l')
    .innerJoin('early_help_episode as e', (j) => j.onRef('e.la_code', '=', 'l.la_code').onRef('e.early_help_id', '=', 'l.early_help_id'))
    .select(['l.contact_id', 'l.open_then', 'e.early_help_id', 'e.started_on', 'e.ended_on', 'e.end_outcome', leadName.as('lead')])
    .where('l.la_code', '=', laCode)
    .where('l.child_id', '=', childId)
    .where('l.contact_id', 'is not', null)
    .execute();
  return new Map(
    rows.map((r) => [
      r.contact_id as string,
      {
        earlyHelpId: r.early_help_id,
        startedOn: r.started_on,
        endedOn: r.ended_on,
        endOutcome: r.end_outcome,
        leadProfessional: r.lead,
        openThen: r.open_then,
      },
    ]),
  );
}

export async function childEarlyHelp(db: Kysely<Database>, actor: Actor, childId: string): Promise<EarlyHelpChildView> {
  const user = actor.user;
  const laCode = user.laCode;
  await childFor(db, user, childId, 'child:read');
  const [episodes, reviews, links, plans, closed, canRecord, canStepDown] = await Promise.all([
    db
      .selectFrom('early_help_episode as e')
      .selectAll('e')
      .select(leadName.as('lead'))
      .where('e.la_code', '=', laCode)
      .where('e.child_id', '=', childId)
      .orderBy('e.started_on', 'desc')
      .execute(),
    db.selectFrom('early_help_review').selectAll().where('la_code', '=', laCode).where('child_id', '=', childId).orderBy('held_on').execute(),
    db
      .selectFrom('early_help_step_up as l')
      .leftJoin('contact as c', (j) => j.onRef('c.la_code', '=', 'l.la_code').onRef('c.contact_id', '=', 'l.contact_id'))
      .leftJoin('cin_episode as ce', (j) => j.onRef('ce.la_code', '=', 'l.la_code').onRef('ce.episode_id', '=', 'l.cin_episode_id'))
      .select(['l.early_help_id', 'l.linked_on', 'l.open_then', 'l.contact_id', 'l.cin_episode_id', 'c.presenting_concern', 'c.decision', 'ce.referral_date'])
      .where('l.la_code', '=', laCode)
      .where('l.child_id', '=', childId)
      .orderBy('l.linked_on')
      .execute(),
    db
      .selectFrom('plan_document')
      .select(['plan_document_id', 'plan_ref'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('kind', '=', 'early-help')
      .execute(),
    db
      .selectFrom('cin_episode')
      .select(['episode_id', 'referral_date', 'closure_date', 'closure_reason'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('closure_date', 'is not', null)
      .orderBy('closure_date', 'desc')
      .execute(),
    mayAct(db, user, childId, 'early-help:record'),
    mayAct(db, user, childId, 'early-help:step-down'),
  ]);
  const steppedDown = new Set(episodes.map((e) => e.cin_episode_id).filter(Boolean));
  return {
    episodes: episodes.map((e) => {
      const assessed = e.assessment_completed_on;
      return {
        earlyHelpId: e.early_help_id,
        version: e.version,
        startedOn: e.started_on,
        route: e.route,
        routeLabel: EARLY_HELP_ROUTE[e.route as EarlyHelpRoute],
        reasons: e.reasons,
        cinEpisodeId: e.cin_episode_id,
        contactId: e.contact_id,
        leadKind: e.lead_kind,
        leadWorkerId: e.lead_worker_id,
        leadContactId: e.lead_contact_id,
        leadProfessional: e.lead,
        teamAroundFamily: parseJson<Member[]>(e.team_around_family),
        assessment: assessed
          ? {
              completedOn: assessed,
              strengths: e.assessment_strengths ?? '',
              needs: e.assessment_needs ?? '',
              familyViews: e.assessment_family_views ?? '',
            }
          : null,
        planDocumentId: plans.find((p) => p.plan_ref === e.early_help_id)?.plan_document_id ?? null,
        reviews: reviews
          .filter((r) => r.early_help_id === e.early_help_id)
          .map((r) => ({
            reviewId: r.review_id,
            heldOn: r.held_on,
            attended: r.attended,
            progress: r.progress,
            familyViews: r.family_views,
            nextReviewOn: r.next_review_on,
          })),
        stepUps: links
          .filter((l) => l.early_help_id === e.early_help_id)
          .map((l) => ({
            linkedOn: l.linked_on,
            openThen: l.open_then,
            contactId: l.contact_id,
            cinEpisodeId: l.cin_episode_id,
            what: l.contact_id
              ? `Contact: ${l.presenting_concern ?? ''}${l.decision ? ` (decided: ${CONTACT_DECISION[l.decision as keyof typeof CONTACT_DECISION].toLowerCase()})` : ' (not yet decided)'}`
              : `Referral to children’s social care on ${l.referral_date}`,
          })),
        endedOn: e.ended_on,
        endOutcome: e.end_outcome,
        endOutcomeLabel: e.end_outcome ? EARLY_HELP_END[e.end_outcome] : null,
        endReasons: e.end_reasons,
        steppedUpEpisodeId: e.stepped_up_episode_id,
      };
    }),
    stepDownFrom: closed
      .filter((c) => !steppedDown.has(c.episode_id))
      .map((c) => ({ episodeId: c.episode_id, referralDate: c.referral_date, closureDate: c.closure_date as string, closureReason: c.closure_reason })),
    canRecord,
    canStepDown,
  };
}
