/**
 * A child's early help: the episode they are in (how it began, the lead professional and team
 * around the family, the assessment, the plan, reviews), contacts and referrals that came while in
 * or soon after it (step-ups), the episodes before, and a step-down from a closed episode.
 */
import { CLOSURE_REASON } from '@lantern/core/pathway';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { type EarlyHelpEpisode, earlyHelpApi } from '../../api/early-help.ts';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady } from '../../components/Notices.tsx';
import { formatDate, fullName, labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import type { ReactNode } from 'react';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { Details } from '../../components/Details.tsx';

const TITLE = 'Early help';

export function EarlyHelpPage() {
  const { childId = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const record = useLoad(() => api.children.get(childId), childId);
  const view = useLoad(() => earlyHelpApi.get(childId), childId);
  const name = record.data ? fullName(record.data.child) : '';
  usePageTitle(name ? `${TITLE} – ${name}` : TITLE);
  const problem = record.problem ?? view.problem;
  if (problem || !record.data || !view.data) return <NotReady problem={problem} what="child" />;
  const eh = view.data;
  const open = eh.episodes.find((e) => e.endedOn === null) ?? null;
  const before = eh.episodes.filter((e) => e !== open);
  const form = (f: string) => `/children/${childId}/early-help/record/${f}`;

  return (
    <>
      <ChildPageHead childId={childId} name={name} notice={notice} title={TITLE} />

      {open ? (
        <section aria-labelledby="open-heading" className="lantern-section" data-testid="early-help-open">
          <h2 className="govuk-heading-m" id="open-heading">
            In early help since {formatDate(open.startedOn)}
          </h2>
          <Episode e={open} childId={childId} />
          {eh.canRecord ? (
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={form('team')}>
                  {open.leadProfessional ? 'Change the lead professional or team around the family' : 'Name the lead professional and team around the family'}
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={form('assessment')}>
                  {open.assessment ? 'Change the early help assessment' : 'Record the early help assessment'}
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={form('review')}>
                  Record a review
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={form('end')}>
                  End early help
                </Link>
              </li>
            </ul>
          ) : null}
        </section>
      ) : (
        <p className="govuk-body">{name} is not in early help now.</p>
      )}

      {!open && eh.canStepDown && eh.stepDownFrom.length ? (
        <PageSection id="step-down-heading" heading="Step down to early help">
          <p className="govuk-body">
            The last child in need episode closed on {formatDate(eh.stepDownFrom[0]?.closureDate)} (
            {labelOf(CLOSURE_REASON, eh.stepDownFrom[0]?.closureReason).toLowerCase()}).
          </p>
          <Link className="govuk-button" to={form('step-down')}>
            Step down to early help
          </Link>
        </PageSection>
      ) : null}

      {before.length ? (
        <PageSection id="before-heading" heading="Early help before">
          {before.map((e) => (
            <Details key={e.earlyHelpId} testId="early-help-ended" summary={`${formatDate(e.startedOn)} to ${formatDate(e.endedOn)}: ${e.endOutcomeLabel}`}>
              <Episode e={e} childId={childId} />
            </Details>
          ))}
        </PageSection>
      ) : null}
    </>
  );
}

/** Every row here keeps the lines the worker wrote. */
const Row = (props: { label: string; children: ReactNode }) => <SummaryRow {...props} pre />;

function Episode({ e, childId }: { e: EarlyHelpEpisode; childId: string }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <Row label="How it began">{e.routeLabel}</Row>
        <Row label="Why early help">{e.reasons}</Row>
        <Row label="Lead professional">{e.leadProfessional ?? 'Not named yet'}</Row>
        <Row label="Team around the family">
          {e.teamAroundFamily.length ? e.teamAroundFamily.map((m) => [m.name, m.role, m.agency].filter(Boolean).join(', ')).join('\n') : 'No one named yet'}
        </Row>
        <Row label="Early help assessment">
          {e.assessment
            ? `Completed ${formatDate(e.assessment.completedOn)}\nGoing well: ${e.assessment.strengths}\nNeeds help with: ${e.assessment.needs}\nThe family’s views: ${e.assessment.familyViews}`
            : 'Not completed yet'}
        </Row>
        <Row label="Early help plan">
          {e.planDocumentId ? (
            <Link className="govuk-link" to={`/children/${childId}/plans/${e.planDocumentId}`}>
              Open the early help plan
            </Link>
          ) : e.endedOn ? (
            'No plan was written'
          ) : (
            <Link className="govuk-link" to={`/children/${childId}/plans/new?kind=early-help&planRef=${e.earlyHelpId}`}>
              Write the early help plan
            </Link>
          )}
        </Row>
        {e.endedOn ? (
          <Row label="Ended">
            {formatDate(e.endedOn)}: {e.endOutcomeLabel}
            {e.endReasons ? ` — ${e.endReasons}` : ''}
          </Row>
        ) : null}
      </dl>
      <h3 className="govuk-heading-s">Reviews</h3>
      {e.reviews.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {e.reviews.map((r) => (
            <li key={r.reviewId}>
              {formatDate(r.heldOn)} with {r.attended}: {r.progress}
              {r.nextReviewOn ? ` Next review ${formatDate(r.nextReviewOn)}.` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No review yet.</p>
      )}
      {e.stepUps.length ? (
        <>
          <h3 className="govuk-heading-s">Contacts and referrals since early help began</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid="step-ups">
            {e.stepUps.map((s) => (
              <li key={`${s.linkedOn}:${s.contactId ?? s.cinEpisodeId}`}>
                {formatDate(s.linkedOn)}
                {s.openThen ? ' (while in early help)' : ' (after early help ended)'}: {s.what}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
