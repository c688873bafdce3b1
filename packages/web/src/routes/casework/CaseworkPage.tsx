/**
 * A child's children-in-need and child-protection casework: the open episode at a glance, what
 * can be recorded next, the child's deadlines, contacts, every step of the open episode, and
 * earlier episodes folded away.
 */
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CATEGORY_OF_ABUSE, CLOSURE_REASON, CONTACT_DECISION } from '@lantern/core/pathway';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseworkView, EpisodeView } from '../../api/types.ts';
import { Episode } from './Episode.tsx';
import { ChildPageHead } from '../../components/ChildPageHead.tsx';
import { NotReady, WarningText } from '../../components/Notices.tsx';
import { ChildObligations } from '../../components/obligations.tsx';
import { formatDate, formatDateTime, fullName, labelOf, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { openEpisode, STEP_TEXT, type StepId, stageOf, stepPath, whyNot } from './steps.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { Details } from '../../components/Details.tsx';

const TITLE = 'Children in need and child protection';

export function CaseworkPage() {
  const { childId = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const record = useLoad(() => api.children.get(childId), childId);
  const casework = useLoad(() => api.casework.get(childId), childId);
  const name = record.data ? fullName(record.data.child) : '';
  usePageTitle(name ? `${TITLE} – ${name}` : TITLE);

  const problem = record.problem ?? casework.problem;
  if (problem || !record.data || !casework.data) return <NotReady problem={problem} what="child" />;
  const cw = casework.data;
  const child = record.data.child;
  const open = openEpisode(cw);
  const closed = cw.episodes.filter((e) => e !== open);

  return (
    <>
      <ChildPageHead childId={child.childId} name={name} laChildId={child.laChildId} notice={notice} title={TITLE} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${child.childId}/plans`}>
          Plans: what must change, who will do what, by when
        </Link>
      </p>

      <AtAGlance cw={cw} open={open} />
      <NextSteps cw={cw} childId={child.childId} />

      <PageSection id="deadlines-heading" heading="Deadlines">
        <ChildObligations obligations={cw.obligations} />
      </PageSection>

      <Contacts cw={cw} childId={child.childId} />

      {open ? (
        <section aria-labelledby="open-episode-heading" className="lantern-section" data-testid="open-episode">
          <h2 className="govuk-heading-m" id="open-episode-heading">
            Open episode: referral {formatDate(open.referralDate)}
          </h2>
          <Episode episode={open} cw={cw} childId={child.childId} />
        </section>
      ) : null}

      {closed.length ? (
        <PageSection id="closed-episodes-heading" heading="Closed episodes">
          {closed.map((e) => (
            <Details
              key={e.episodeId}
              testId="closed-episode"
              summary={`${formatDate(e.referralDate)} to ${formatDate(e.closureDate)}: ${labelOf(CLOSURE_REASON, e.closureReason)}`}
            >
              <Episode episode={e} cw={cw} childId={child.childId} />
            </Details>
          ))}
        </PageSection>
      ) : null}
    </>
  );
}

/** The open episode's status, or that there is none. */
function AtAGlance({ cw, open }: { cw: CaseworkView; open: EpisodeView | null }) {
  const overdue = cw.obligations.filter((o) => o.state === 'overdue').length;
  return (
    <PageSection id="glance-heading" heading="At a glance">
      {overdue ? <WarningText>{plural(overdue, 'deadline is', 'deadlines are')} overdue.</WarningText> : null}
      {open ? (
        <dl className="govuk-summary-list" data-testid="episode-summary">
          <SummaryRow label="Now">
            <strong className="govuk-tag govuk-tag--blue lantern-tag-wide">{stageOf(open)}</strong>
            {open.cpPlans.some((p) => !p.endDate) ? (
              <span className="lantern-block govuk-!-margin-top-1">
                Category: {labelOf(CATEGORY_OF_ABUSE, open.cpPlans.find((p) => !p.endDate)?.latestCategory).toLowerCase()}
              </span>
            ) : null}
          </SummaryRow>
          <SummaryRow label="Referral">
            {formatDate(open.referralDate)}, from {labelOf(REFERRAL_SOURCE, open.referralSource)}
          </SummaryRow>
          <SummaryRow label="Primary need">{labelOf(PRIMARY_NEED, open.primaryNeed)}</SummaryRow>
          <SummaryRow label="Earlier referrals">
            <span className={open.referralsPrevious12Months > 0 ? 'govuk-!-font-weight-bold' : undefined}>
              {plural(open.referralsPrevious12Months, 'referral', 'referrals')} in the previous 12 months
            </span>
          </SummaryRow>
          {open.previousEpisode ? (
            <SummaryRow label="Re-referral">
              The episode from {formatDate(open.previousEpisode.referralDate)} closed on {formatDate(open.previousEpisode.closureDate)}:{' '}
              {labelOf(CLOSURE_REASON, open.previousEpisode.closureReason)}.
              {open.previousEpisode.closedBy ? ` Closure approved by ${open.previousEpisode.closedBy}.` : ''}
              {open.previousEpisode.closureReasons ? <span className="lantern-block lantern-pre-line">“{open.previousEpisode.closureReasons}”</span> : null}
            </SummaryRow>
          ) : null}
        </dl>
      ) : (
        <p className="govuk-body">
          {cw.episodes.length ? 'The child has no open child in need episode.' : 'No child in need episode has been recorded for this child.'}
        </p>
      )}
    </PageSection>
  );
}

const STEP_ORDER: StepId[] = [
  'contact',
  'referral',
  'assessment',
  'strategy-discussion',
  'section-47',
  'initial-conference',
  'review-conference',
  'core-group',
  'visit',
  'cin-plan',
  'cin-plan-review',
  'cin-plan-end',
  'closure',
];

/** The steps that make sense to record now, for this user. */
function NextSteps({ cw, childId }: { cw: CaseworkView; childId: string }) {
  const steps = STEP_ORDER.filter((s) => whyNot(s, cw) === null);
  const ep = openEpisode(cw);
  const decisions = cw.contacts.filter((c) => !c.decision && cw.canRecord);
  const toAuthorise = cw.canAuthorise ? (ep?.assessments.filter((a) => a.completedOn && !a.authorisedOn) ?? []) : [];
  if (!steps.length && !decisions.length && !toAuthorise.length) return null;
  return (
    <PageSection id="record-heading" heading="Record">
      <ul className="govuk-list lantern-actions" data-testid="next-steps">
        {decisions.map((c) => (
          <li key={c.contactId}>
            <Link className="govuk-link" to={`/children/${childId}/record/contact/${c.contactId}/decision`}>
              Decide what happens with the contact received {formatDate(c.receivedOn)}
            </Link>
          </li>
        ))}
        {toAuthorise.map((a) => (
          <li key={a.assessmentId}>
            <Link className="govuk-link" to={`/children/${childId}/record/assessment/${a.assessmentId}/authorise`}>
              Authorise the assessment completed {formatDate(a.completedOn)}
            </Link>
          </li>
        ))}
        {steps.map((s) => (
          <li key={s}>
            <Link className="govuk-link" to={stepPath(childId, s)}>
              {STEP_TEXT[s]}
            </Link>
          </li>
        ))}
      </ul>
      {ep && cw.canClose && whyNot('closure', cw) ? <p className="govuk-body lantern-secondary">{whyNot('closure', cw)}</p> : null}
    </PageSection>
  );
}

function Contacts({ cw, childId }: { cw: CaseworkView; childId: string }) {
  if (!cw.contacts.length) return null;
  const contacts = [...cw.contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return (
    <PageSection id="contacts-heading" heading="Contacts">
      <table className="govuk-table" data-testid="contacts">
        <caption className="govuk-table__caption govuk-visually-hidden">Contacts, newest first</caption>
        <TableHead columns={['Received', 'From', 'Concern', 'Decision']} />
        <tbody className="govuk-table__body">
          {contacts.map((c) => (
            <tr className="govuk-table__row" key={c.contactId}>
              <td className="govuk-table__cell">{formatDateTime(c.receivedAt)}</td>
              <td className="govuk-table__cell">{labelOf(REFERRAL_SOURCE, c.source)}</td>
              <td className="govuk-table__cell lantern-pre-line">
                {c.presentingConcern}
                {c.significantHarmSuspected ? <strong className="govuk-tag govuk-tag--red lantern-block-tag">Significant harm suspected</strong> : null}
              </td>
              <td className="govuk-table__cell">
                {c.decision ? (
                  <>
                    {labelOf(CONTACT_DECISION, c.decision)}
                    <span className="govuk-body-s lantern-block lantern-secondary">
                      {formatDate(c.decidedOn)}
                      {c.decidedBy ? `, ${c.decidedBy}` : ''}
                    </span>
                    {c.decisionReason ? <span className="govuk-body-s lantern-block lantern-pre-line">{c.decisionReason}</span> : null}
                  </>
                ) : (
                  <>
                    <strong className="govuk-tag govuk-tag--yellow">Awaiting decision</strong>
                    {cw.canRecord ? (
                      <Link className="govuk-link lantern-block govuk-!-margin-top-1" to={`/children/${childId}/record/contact/${c.contactId}/decision`}>
                        Decide<span className="govuk-visually-hidden"> what happens with the contact received {formatDateTime(c.receivedAt)}</span>
                      </Link>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PageSection>
  );
}
