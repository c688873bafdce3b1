/** Every step of one episode of a child's casework, newest first within each kind, and its visits. */
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import {
  AGENCY,
  ASSESSMENT_FACTOR,
  ASSESSMENT_OUTCOME,
  CATEGORY_OF_ABUSE,
  CLOSURE_REASON,
  CONFERENCE_OUTCOME,
  S47_OUTCOME,
  VISIT_PURPOSE,
} from '@lantern/core/pathway';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseworkView, EpisodeView } from '../../api/types.ts';
import { WarningText } from '../../components/Notices.tsx';
import { SummaryRow } from '../../components/SummaryRow.tsx';
import { formatDate, labelOf, plural } from '../../format.ts';
import { missingAgenciesText } from './forms/ProtectionForms.tsx';
import { Details } from '../../components/Details.tsx';
import { ChronologyEntry } from '../children/Chronology.tsx';

export function ChildWords({ words, label = 'In the child’s words' }: { words: string | null; label?: string }) {
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

/**
 * One kind of step in an episode: its heading, then each record newest first, its summary rows
 * in a compact list (`rows`) with what follows them (`after`, `before`); nothing where there are none.
 */
function Records<T>(props: {
  heading: string;
  items: T[];
  date: (x: T) => string;
  keyOf: (x: T) => string;
  testId: string;
  rows: (x: T) => ReactNode;
  before?: (x: T) => ReactNode;
  after?: (x: T) => ReactNode;
  /** Where the heading stands even with none: the words then. */
  none?: string;
}) {
  if (!props.items.length)
    return props.none ? (
      <>
        <h3 className="govuk-heading-s">{props.heading}</h3>
        <p className="govuk-body">{props.none}</p>
      </>
    ) : null;
  return (
    <>
      <h3 className="govuk-heading-s">{props.heading}</h3>
      {[...props.items].sort(byDateDesc(props.date)).map((x) => (
        <div className="lantern-record" key={props.keyOf(x)} data-testid={props.testId}>
          {props.before?.(x)}
          <dl className="govuk-summary-list govuk-summary-list--no-border lantern-compact">{props.rows(x)}</dl>
          {props.after?.(x)}
        </div>
      ))}
    </>
  );
}

/** A list of earlier meetings (core groups, reviews), newest first, or "None yet". */
function Meetings<T>({ items, date, keyOf, item }: { items: T[]; date: (x: T) => string; keyOf: (x: T) => string; item: (x: T) => ReactNode }) {
  if (items.length === 0) return <>None yet</>;
  return (
    <ul className="govuk-list">
      {[...items].sort(byDateDesc(date)).map((x) => (
        <li key={keyOf(x)}>{item(x)}</li>
      ))}
    </ul>
  );
}

type Step = { e: EpisodeView; cw: CaseworkView; childId: string; isOpen: boolean };

/** Every step of one episode, newest first within each kind. */
export function Episode({ episode: e, cw, childId }: { episode: EpisodeView; cw: CaseworkView; childId: string }) {
  const step: Step = { e, cw, childId, isOpen: !e.closureDate };
  const id = e.episodeId.slice(0, 8);
  return (
    <div className="lantern-episode">
      {step.isOpen ? null : (
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
      )}
      <Assessments {...step} />
      <Protection {...step} />
      <Records
        heading="Child in need plan"
        items={e.cinPlans}
        date={(p) => p.startDate}
        keyOf={(p) => p.cinPlanId}
        testId="cin-plan"
        rows={(p) => (
          <>
            <SummaryRow label="Started">{formatDate(p.startDate)}</SummaryRow>
            {p.endDate ? <SummaryRow label="Ended">{formatDate(p.endDate)}</SummaryRow> : null}
            <SummaryRow label="Reviews">
              <Meetings
                items={p.reviews}
                date={(r) => r.heldOn}
                keyOf={(r) => r.reviewId}
                item={(r) => (
                  <>
                    {formatDate(r.heldOn)}. Child met the chair: {yesNoText(r.childMetDecider).toLowerCase()}; parents:{' '}
                    {yesNoText(r.parentsMetDecider).toLowerCase()}.
                    <ChildWords words={r.childWords} />
                  </>
                )}
              />
            </SummaryRow>
          </>
        )}
      />

      <h3 className="govuk-heading-s" id={`visits-${id}`}>
        Visits
      </h3>
      {e.visits.length === 0 ? <p className="govuk-body">No visits recorded.</p> : <Visits visits={e.visits} labelledBy={`visits-${id}`} />}
    </div>
  );
}

function Assessments({ e, cw, childId, isOpen }: Step) {
  return (
    <Records
      heading="Assessments"
      none="No assessment recorded."
      items={e.assessments}
      date={(a) => a.startDate}
      keyOf={(a) => a.assessmentId}
      testId="assessment"
      rows={(a) => (
        <>
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
        </>
      )}
      after={(a) => (
        <>
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
        </>
      )}
    />
  );
}

/** Strategy discussions, enquiries, conferences and protection plans. */
function Protection({ e, cw, childId, isOpen }: Step) {
  return (
    <>
      <Records
        heading="Strategy discussions"
        items={e.strategyDiscussions}
        date={(s) => s.heldOn}
        keyOf={(s) => s.strategyId}
        testId="strategy-discussion"
        rows={(s) => (
          <>
            <SummaryRow label="Held">{formatDate(s.heldOn)}</SummaryRow>
            <SummaryRow label="Who took part">{s.agencies.map((a) => labelOf(AGENCY, a)).join(', ')}</SummaryRow>
            <SummaryRow label="Decision">{s.decision === 'section-47' ? 'Start a section 47 enquiry' : 'No section 47 enquiry'}</SummaryRow>
            <SummaryRow label="Reasons" pre>
              {s.reasons}
            </SummaryRow>
          </>
        )}
        after={(s) => {
          const missing = missingAgenciesText(s.missingAgencies);
          return missing ? <WarningText>{missing}</WarningText> : null;
        }}
      />
      <Records
        heading="Section 47 enquiries"
        items={e.section47s}
        date={(s) => s.startDate}
        keyOf={(s) => s.s47Id}
        testId="section-47"
        rows={(s) => (
          <>
            <SummaryRow label="Started">{formatDate(s.startDate)}</SummaryRow>
            <SummaryRow label="Outcome">{s.completedOn ? `${formatDate(s.completedOn)}: ${labelOf(S47_OUTCOME, s.outcome)}` : 'Under way'}</SummaryRow>
            {s.icpcNotRequiredReason ? (
              <SummaryRow label="Why no conference" pre>
                {s.icpcNotRequiredReason}
              </SummaryRow>
            ) : null}
          </>
        )}
        after={(s) => (
          <>
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
          </>
        )}
      />
      <Records
        heading="Child protection conferences"
        items={e.conferences}
        date={(c) => c.heldOn}
        keyOf={(c) => c.conferenceId}
        testId="conference"
        rows={(c) => (
          <>
            <SummaryRow label={c.kind === 'initial' ? 'Initial conference' : 'Review conference'}>{formatDate(c.heldOn)}</SummaryRow>
            <SummaryRow label="Decision">{labelOf(CONFERENCE_OUTCOME, c.outcome)}</SummaryRow>
            {c.chair ? <SummaryRow label="Chair">{c.chair}</SummaryRow> : null}
            <SummaryRow label="Child met the chair">{yesNoText(c.childMetDecider)}</SummaryRow>
            <SummaryRow label="Parents met the chair">{yesNoText(c.parentsMetDecider)}</SummaryRow>
          </>
        )}
        after={(c) => <ChildWords words={c.childWords} />}
      />
      <Records
        heading="Child protection plan"
        items={e.cpPlans}
        date={(p) => p.startDate}
        keyOf={(p) => p.planId}
        testId="cp-plan"
        before={(p) =>
          p.previousPlans > 0 ? <WarningText>The child has been on {plural(p.previousPlans, 'protection plan', 'protection plans')} before.</WarningText> : null
        }
        rows={(p) => (
          <>
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
              <Meetings
                items={p.coreGroups}
                date={(g) => g.heldOn}
                keyOf={(g) => g.coreGroupId}
                item={(g) => (
                  <>
                    {formatDate(g.heldOn)}
                    {g.notes ? <span className="lantern-block lantern-secondary lantern-pre-line">{g.notes}</span> : null}
                  </>
                )}
              />
            </SummaryRow>
          </>
        )}
      />
    </>
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
        <ChronologyEntry key={v.visitId} on={v.visitedOn} tag={labelOf(VISIT_PURPOSE, v.purpose)} tagClass="lantern-tag-wide">
          <p className="govuk-body govuk-!-margin-bottom-2">
            {v.childSeen ? (v.seenAlone ? 'Child seen alone.' : 'Child seen, not alone.') : 'Child not seen.'}
            {v.visitedBy ? ` Visited by ${v.visitedBy}.` : ''}
          </p>
          <ChildWords words={v.childWords} />
        </ChronologyEntry>
      ))}
    </ol>
  );
  return (
    <>
      {list(recent)}
      {earlier.length ? <Details summary={`Earlier visits (${earlier.length})`}>{list(earlier, 'Earlier visits')}</Details> : null}
    </>
  );
}
