/**
 * A child's children-in-need and child-protection casework: the open episode at a glance, what
 * can be recorded next, the child's deadlines, contacts, every step of the open episode, and
 * earlier episodes folded away.
 */
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import {
  AGENCY,
  ASSESSMENT_FACTOR,
  ASSESSMENT_OUTCOME,
  CATEGORY_OF_ABUSE,
  CLOSURE_REASON,
  CONFERENCE_OUTCOME,
  CONTACT_DECISION,
  S47_OUTCOME,
  VISIT_PURPOSE,
} from '@lantern/core/pathway';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseworkView, EpisodeView } from '../../api/types.ts';
import { Loading, ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import { ChildObligations } from '../../components/obligations.tsx';
import { formatDate, formatDateTime, fullName, labelOf, plural } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { missingAgenciesText } from './forms/ProtectionForms.tsx';
import { openEpisode, STEP_TEXT, type StepId, stageOf, stepPath, whyNot } from './steps.ts';

const TITLE = 'Children in need and child protection';

export function CaseworkPage() {
  const { childId = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const record = useLoad(() => api.children.get(childId), childId);
  const casework = useLoad(() => api.casework.get(childId), childId);
  const name = record.data ? fullName(record.data.child) : '';
  usePageTitle(name ? `${TITLE} – ${name}` : TITLE);

  const problem = record.problem ?? casework.problem;
  if (problem) return <ProblemPage problem={problem} what="child" />;
  if (!record.data || !casework.data) return <Loading />;
  const cw = casework.data;
  const child = record.data.child;
  const open = openEpisode(cw);
  const closed = cw.episodes.filter((e) => e !== open);

  return (
    <>
      <Link className="govuk-back-link" to={`/children/${child.childId}`}>
        Back<span className="govuk-visually-hidden"> to {name}’s record</span>
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">
        {name} <span className="lantern-secondary">({child.laChildId})</span>
      </span>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/children/${child.childId}/plans`}>
          Plans: what must change, who will do what, by when
        </Link>
      </p>

      <AtAGlance cw={cw} open={open} />
      <NextSteps cw={cw} childId={child.childId} />

      <section aria-labelledby="deadlines-heading" className="lantern-section">
        <h2 className="govuk-heading-m" id="deadlines-heading">
          Deadlines
        </h2>
        <ChildObligations obligations={cw.obligations} />
      </section>

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
        <section aria-labelledby="closed-episodes-heading" className="lantern-section">
          <h2 className="govuk-heading-m" id="closed-episodes-heading">
            Closed episodes
          </h2>
          {closed.map((e) => (
            <details className="govuk-details" key={e.episodeId} data-testid="closed-episode">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  {formatDate(e.referralDate)} to {formatDate(e.closureDate)}: {labelOf(CLOSURE_REASON, e.closureReason)}
                </span>
              </summary>
              <div className="govuk-details__text">
                <Episode episode={e} cw={cw} childId={child.childId} />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}

/** The open episode's status, or that there is none. */
function AtAGlance({ cw, open }: { cw: CaseworkView; open: EpisodeView | null }) {
  const overdue = cw.obligations.filter((o) => o.state === 'overdue').length;
  return (
    <section aria-labelledby="glance-heading" className="lantern-section">
      <h2 className="govuk-heading-m" id="glance-heading">
        At a glance
      </h2>
      {overdue ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {plural(overdue, 'deadline is', 'deadlines are')} overdue.
          </strong>
        </div>
      ) : null}
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
    </section>
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
    <section aria-labelledby="record-heading" className="lantern-section">
      <h2 className="govuk-heading-m" id="record-heading">
        Record
      </h2>
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
    </section>
  );
}

function Contacts({ cw, childId }: { cw: CaseworkView; childId: string }) {
  if (!cw.contacts.length) return null;
  const contacts = [...cw.contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return (
    <section aria-labelledby="contacts-heading" className="lantern-section">
      <h2 className="govuk-heading-m" id="contacts-heading">
        Contacts
      </h2>
      <table className="govuk-table" data-testid="contacts">
        <caption className="govuk-table__caption govuk-visually-hidden">Contacts, newest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Received
            </th>
            <th scope="col" className="govuk-table__header">
              From
            </th>
            <th scope="col" className="govuk-table__header">
              Concern
            </th>
            <th scope="col" className="govuk-table__header">
              Decision
            </th>
          </tr>
        </thead>
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
    </section>
  );
}

function ChildWords({ words, label = 'In the child’s words' }: { words: string | null; label?: string }) {
  if (!words) return null;
  return (
    <figure className="lantern-child-words">
      <figcaption className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{label}</figcaption>
      <blockquote className="govuk-inset-text lantern-pre-line govuk-!-margin-top-0">“{words}”</blockquote>
    </figure>
  );
}

function yesNoText(value: boolean | null | undefined): string {
  return value === true ? 'Yes' : value === false ? 'No' : 'Not recorded';
}

const byDateDesc =
  <T,>(date: (x: T) => string) =>
  (a: T, b: T) =>
    date(b).localeCompare(date(a));

/** Every step of one episode, newest first within each kind. */
function Episode({ episode: e, cw, childId }: { episode: EpisodeView; cw: CaseworkView; childId: string }) {
  const isOpen = !e.closureDate;
  const id = e.episodeId.slice(0, 8);
  return (
    <div className="lantern-episode">
      {!isOpen ? (
        <dl className="govuk-summary-list">
          <SummaryRow label="Referral">
            {formatDate(e.referralDate)}, from {labelOf(REFERRAL_SOURCE, e.referralSource)}
          </SummaryRow>
          <SummaryRow label="Primary need">{labelOf(PRIMARY_NEED, e.primaryNeed)}</SummaryRow>
          <SummaryRow label="Closed">
            {formatDate(e.closureDate)}: {labelOf(CLOSURE_REASON, e.closureReason)}
            {e.closedBy ? `. Approved by ${e.closedBy}` : ''}
          </SummaryRow>
        </dl>
      ) : null}

      <h3 className="govuk-heading-s">Assessments</h3>
      {e.assessments.length === 0 ? (
        <p className="govuk-body">No assessment recorded.</p>
      ) : (
        [...e.assessments].sort(byDateDesc((a) => a.startDate)).map((a) => (
          <div className="lantern-record" key={a.assessmentId} data-testid="assessment">
            <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
              <SummaryRow label="Started">{formatDate(a.startDate)}</SummaryRow>
              <SummaryRow label="Child seen">
                {a.childSeenOn ? `${formatDate(a.childSeenOn)}${a.childSeenAlone ? ', alone' : a.childSeenAlone === false ? ', not alone' : ''}` : 'Not yet'}
              </SummaryRow>
              <SummaryRow label="Factors">{a.factors.length ? a.factors.map((f) => labelOf(ASSESSMENT_FACTOR, f)).join('; ') : 'None recorded'}</SummaryRow>
              <SummaryRow label="Completed">{a.completedOn ? `${formatDate(a.completedOn)}: ${labelOf(ASSESSMENT_OUTCOME, a.outcome)}` : 'Not yet'}</SummaryRow>
              <SummaryRow label="Authorised">
                {a.authorisedOn ? `${formatDate(a.authorisedOn)}${a.authorisedBy ? ` by ${a.authorisedBy}` : ''}` : 'Not yet'}
                {a.workingDaysFromReferral !== null ? (
                  <span className="lantern-block lantern-secondary govuk-body-s">
                    {plural(a.workingDaysFromReferral, 'working day', 'working days')} from the referral
                    {a.workingDaysFromReferral > 45 ? ' (longer than 45)' : ''}
                  </span>
                ) : null}
                {a.lateReason ? <span className="lantern-block lantern-pre-line">Why it took longer: {a.lateReason}</span> : null}
              </SummaryRow>
            </dl>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/children/${childId}/assessments/${a.assessmentId}`}>
                The written assessment<span className="govuk-visually-hidden"> started {formatDate(a.startDate)}</span>
              </Link>
            </p>
            {isOpen && !a.authorisedOn ? (
              <p className="govuk-body">
                {cw.canRecord ? (
                  <Link className="govuk-link govuk-!-margin-right-4" to={`/children/${childId}/record/assessment/${a.assessmentId}`}>
                    Update the assessment<span className="govuk-visually-hidden"> started {formatDate(a.startDate)}</span>
                  </Link>
                ) : null}
                {cw.canAuthorise && a.completedOn ? (
                  <Link className="govuk-link" to={`/children/${childId}/record/assessment/${a.assessmentId}/authorise`}>
                    Authorise<span className="govuk-visually-hidden"> the assessment started {formatDate(a.startDate)}</span>
                  </Link>
                ) : null}
              </p>
            ) : null}
          </div>
        ))
      )}

      {e.strategyDiscussions.length ? (
        <>
          <h3 className="govuk-heading-s">Strategy discussions</h3>
          {[...e.strategyDiscussions].sort(byDateDesc((s) => s.heldOn)).map((s) => {
            const missing = missingAgenciesText(s.missingAgencies);
            return (
              <div className="lantern-record" key={s.strategyId} data-testid="strategy-discussion">
                <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
                  <SummaryRow label="Held">{formatDate(s.heldOn)}</SummaryRow>
                  <SummaryRow label="Who took part">{s.agencies.map((a) => labelOf(AGENCY, a)).join(', ')}</SummaryRow>
                  <SummaryRow label="Decision">{s.decision === 'section-47' ? 'Start a section 47 enquiry' : 'No section 47 enquiry'}</SummaryRow>
                  <SummaryRow label="Reasons">
                    <span className="lantern-pre-line">{s.reasons}</span>
                  </SummaryRow>
                </dl>
                {missing ? (
                  <div className="govuk-warning-text">
                    <span className="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <strong className="govuk-warning-text__text">
                      <span className="govuk-visually-hidden">Warning</span>
                      {missing}
                    </strong>
                  </div>
                ) : null}
              </div>
            );
          })}
        </>
      ) : null}

      {e.section47s.length ? (
        <>
          <h3 className="govuk-heading-s">Section 47 enquiries</h3>
          {[...e.section47s].sort(byDateDesc((s) => s.startDate)).map((s) => (
            <div className="lantern-record" key={s.s47Id} data-testid="section-47">
              <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
                <SummaryRow label="Started">{formatDate(s.startDate)}</SummaryRow>
                <SummaryRow label="Outcome">{s.completedOn ? `${formatDate(s.completedOn)}: ${labelOf(S47_OUTCOME, s.outcome)}` : 'Under way'}</SummaryRow>
                {s.icpcNotRequiredReason ? (
                  <SummaryRow label="Why no conference">
                    <span className="lantern-pre-line">{s.icpcNotRequiredReason}</span>
                  </SummaryRow>
                ) : null}
              </dl>
              <p className="govuk-body">
                <Link className="govuk-link" to={`/children/${childId}/section-47/${s.s47Id}/findings`}>
                  What the enquiry found<span className="govuk-visually-hidden"> (started {formatDate(s.startDate)})</span>
                </Link>
              </p>
              {isOpen && !s.completedOn && cw.canRecord ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/children/${childId}/record/section-47/${s.s47Id}/outcome`}>
                    Record the outcome<span className="govuk-visually-hidden"> of the enquiry started {formatDate(s.startDate)}</span>
                  </Link>
                </p>
              ) : null}
            </div>
          ))}
        </>
      ) : null}

      {e.conferences.length ? (
        <>
          <h3 className="govuk-heading-s">Child protection conferences</h3>
          {[...e.conferences].sort(byDateDesc((c) => c.heldOn)).map((c) => (
            <div className="lantern-record" key={c.conferenceId} data-testid="conference">
              <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
                <SummaryRow label={c.kind === 'initial' ? 'Initial conference' : 'Review conference'}>{formatDate(c.heldOn)}</SummaryRow>
                <SummaryRow label="Decision">{labelOf(CONFERENCE_OUTCOME, c.outcome)}</SummaryRow>
                {c.chair ? <SummaryRow label="Chair">{c.chair}</SummaryRow> : null}
                <SummaryRow label="Child met the chair">{yesNoText(c.childMetDecider)}</SummaryRow>
                <SummaryRow label="Parents met the chair">{yesNoText(c.parentsMetDecider)}</SummaryRow>
              </dl>
              <ChildWords words={c.childWords} />
            </div>
          ))}
        </>
      ) : null}

      {e.cpPlans.length ? (
        <>
          <h3 className="govuk-heading-s">Child protection plan</h3>
          {[...e.cpPlans].sort(byDateDesc((p) => p.startDate)).map((p) => (
            <div className="lantern-record" key={p.planId} data-testid="cp-plan">
              {p.previousPlans > 0 ? (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    The child has been on {plural(p.previousPlans, 'protection plan', 'protection plans')} before.
                  </strong>
                </div>
              ) : null}
              <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
                <SummaryRow label="Started">{formatDate(p.startDate)}</SummaryRow>
                <SummaryRow label="Category">
                  {labelOf(CATEGORY_OF_ABUSE, p.latestCategory)}
                  {p.initialCategory !== p.latestCategory ? ` (at first: ${labelOf(CATEGORY_OF_ABUSE, p.initialCategory).toLowerCase()})` : ''}
                </SummaryRow>
                {p.endDate ? (
                  <>
                    <SummaryRow label="Ended">
                      {formatDate(p.endDate)}
                      {p.endReason ? <span className="lantern-block lantern-pre-line">{p.endReason}</span> : null}
                    </SummaryRow>
                    {p.whatChanged ? (
                      <SummaryRow label="What changed">
                        <span className="lantern-pre-line">{p.whatChanged}</span>
                        {p.changeSustainedWeeks !== null ? (
                          <span className="lantern-block lantern-secondary">Held for {plural(p.changeSustainedWeeks, 'week', 'weeks')}</span>
                        ) : null}
                      </SummaryRow>
                    ) : null}
                  </>
                ) : null}
                <SummaryRow label="Core group meetings">
                  {p.coreGroups.length === 0 ? (
                    'None yet'
                  ) : (
                    <ul className="govuk-list">
                      {[...p.coreGroups].sort(byDateDesc((g) => g.heldOn)).map((g) => (
                        <li key={g.coreGroupId}>
                          {formatDate(g.heldOn)}
                          {g.notes ? <span className="lantern-block lantern-secondary lantern-pre-line">{g.notes}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </SummaryRow>
              </dl>
            </div>
          ))}
        </>
      ) : null}

      {e.cinPlans.length ? (
        <>
          <h3 className="govuk-heading-s">Child in need plan</h3>
          {[...e.cinPlans].sort(byDateDesc((p) => p.startDate)).map((p) => (
            <div className="lantern-record" key={p.cinPlanId} data-testid="cin-plan">
              <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">
                <SummaryRow label="Started">{formatDate(p.startDate)}</SummaryRow>
                {p.endDate ? <SummaryRow label="Ended">{formatDate(p.endDate)}</SummaryRow> : null}
                <SummaryRow label="Reviews">
                  {p.reviews.length === 0 ? (
                    'None yet'
                  ) : (
                    <ul className="govuk-list">
                      {[...p.reviews].sort(byDateDesc((r) => r.heldOn)).map((r) => (
                        <li key={r.reviewId}>
                          {formatDate(r.heldOn)}. Child met the chair: {yesNoText(r.childMetDecider).toLowerCase()}; parents:{' '}
                          {yesNoText(r.parentsMetDecider).toLowerCase()}.
                          <ChildWords words={r.childWords} />
                        </li>
                      ))}
                    </ul>
                  )}
                </SummaryRow>
              </dl>
            </div>
          ))}
        </>
      ) : null}

      <h3 className="govuk-heading-s" id={`visits-${id}`}>
        Visits
      </h3>
      {e.visits.length === 0 ? <p className="govuk-body">No visits recorded.</p> : <Visits visits={e.visits} labelledBy={`visits-${id}`} />}
    </div>
  );
}

const RECENT_VISITS = 5;

/** Visits, newest first: the latest few, and the rest folded away. */
function Visits({ visits, labelledBy }: { visits: EpisodeView['visits']; labelledBy: string }) {
  const sorted = [...visits].sort(byDateDesc((v) => v.visitedOn));
  const recent = sorted.slice(0, RECENT_VISITS);
  const earlier = sorted.slice(RECENT_VISITS);
  const list = (items: typeof sorted, label?: string) => (
    <ol className="lantern-chronology" aria-labelledby={label ? undefined : labelledBy} aria-label={label} data-testid="visits">
      {items.map((v) => (
        <li className="lantern-chronology__entry" key={v.visitId}>
          <p className="govuk-body-s lantern-chronology__meta">
            <time dateTime={v.visitedOn} className="lantern-chronology__date">
              {formatDate(v.visitedOn)}
            </time>
            <strong className="govuk-tag govuk-tag--grey lantern-tag-wide">{labelOf(VISIT_PURPOSE, v.purpose)}</strong>
          </p>
          <p className="govuk-body govuk-!-margin-bottom-2">
            {v.childSeen ? (v.seenAlone ? 'Child seen alone.' : 'Child seen, not alone.') : 'Child not seen.'}
            {v.visitedBy ? ` Visited by ${v.visitedBy}.` : ''}
          </p>
          <ChildWords words={v.childWords} />
        </li>
      ))}
    </ol>
  );
  return (
    <>
      {list(recent)}
      {earlier.length ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier visits ({earlier.length})</span>
          </summary>
          <div className="govuk-details__text">{list(earlier, 'Earlier visits')}</div>
        </details>
      ) : null}
    </>
  );
}
