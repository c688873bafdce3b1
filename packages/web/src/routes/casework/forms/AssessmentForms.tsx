/** Assessments: start one, record the child seen, the factors and completion, and a manager's authorisation. */
import { addWorkingDays } from '@lantern/core/calendar';
import { ASSESSMENT_FACTOR, ASSESSMENT_OUTCOME, assessmentAuthorisation, assessmentProgress, newAssessment } from '@lantern/core/pathway';
import { type FormEvent, type MouseEvent, useMemo } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import type { EpisodeView } from '../../../api/types.ts';
import { SummaryRow } from '../../../components/SummaryRow.tsx';
import { formatDate, labelOf, todayInEngland } from '../../../format.ts';
import { checkWith, type Problems } from '../../../components/forms.ts';
import { codedOptionsOf, optionsOf } from '../../../components/form-model.ts';
import { type CaseContext, StepForm, StepPage, StepSpecForm, stepDate, useStepFields } from '../StepPage.tsx';
import { STEP_TEXT, whyNot } from '../steps.ts';

type Assessment = EpisodeView['assessments'][number];

const FACTOR_OPTIONS = codedOptionsOf(ASSESSMENT_FACTOR);
const OUTCOME_OPTIONS = optionsOf(ASSESSMENT_OUTCOME);

// ---------------------------------------------------------------------------------------------
// Start an assessment

export function AssessmentStartPage() {
  return <StepPage title={STEP_TEXT.assessment} whyNot={(ctx) => whyNot('assessment', ctx.casework)} render={(ctx) => <AssessmentStartForm ctx={ctx} />} />;
}

const EXAMPLE = 'For example, 27 3 2026';

function AssessmentStartForm({ ctx }: { ctx: CaseContext }) {
  const referralDate = ctx.episode?.referralDate ?? '';
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT.assessment}
      submitText="Start assessment"
      fields={[
        stepDate('startDate', 'Start date', 'the date the assessment started', 'The start date', {
          date: referralDate,
          what: `the referral date (${formatDate(referralDate)})`,
        }),
      ]}
      initial={{ startDate: todayInEngland() }}
      schema={newAssessment}
      send={(b) => api.casework.startAssessment(ctx.child.childId, b)}
      notice="Assessment started"
      intro={
        <p className="govuk-body">
          The assessment must be completed and authorised by a manager within 45 working days of the referral on {formatDate(referralDate)}.
        </p>
      }
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Update an assessment in progress

const UPDATE_TITLE = 'Update the assessment';

function findAssessment(ctx: CaseContext, assessmentId: string): Assessment | undefined {
  for (const e of ctx.casework.episodes) {
    const a = e.assessments.find((x) => x.assessmentId === assessmentId);
    if (a) return a;
  }
  return undefined;
}

export function AssessmentUpdatePage() {
  const { assessmentId = '' } = useParams();
  return (
    <StepPage
      title={UPDATE_TITLE}
      whyNot={(ctx) => {
        const a = findAssessment(ctx, assessmentId);
        if (!a) return 'There is no such assessment for this child.';
        if (a.authorisedOn) return `The assessment was authorised on ${formatDate(a.authorisedOn)} and can no longer be changed.`;
        return ctx.casework.canRecord ? null : 'Your role does not include recording casework for this child.';
      }}
      // A new version (after a reload) fills the form afresh.
      render={(ctx) => {
        const a = findAssessment(ctx, assessmentId) as Assessment;
        return <AssessmentUpdateForm key={a.version} ctx={ctx} assessment={a} />;
      }}
    />
  );
}

function AssessmentUpdateForm({ ctx, assessment: a }: { ctx: CaseContext; assessment: Assessment }) {
  const start = { date: a.startDate, what: `the start date (${formatDate(a.startDate)})` };
  const form = useStepFields(
    ctx,
    [
      { name: 'seeing', label: 'Seeing the child', kind: 'custom' },
      {
        name: 'childSeenOn',
        label: 'Date the child was seen',
        hint: EXAMPLE,
        kind: 'date',
        what: 'the date the child was seen',
        dateLabel: 'The date seen',
        notBefore: start,
      },
      { name: 'childSeenAlone', label: 'Was the child seen alone?', kind: 'yesno' },
      { name: 'found', label: 'What the assessment found', kind: 'custom' },
      {
        name: 'factors',
        label: 'Factors identified',
        hint: 'Choose all that apply. “No factors identified” must be chosen on its own.',
        kind: 'checkboxes',
        options: FACTOR_OPTIONS,
      },
      { name: 'completion', label: 'Completion', kind: 'custom' },
      {
        name: 'completedOn',
        label: 'Date completed (if completed)',
        hint: 'Leave blank while the assessment is still under way',
        kind: 'date',
        what: 'the date completed',
        dateLabel: 'The date completed',
        notBefore: start,
      },
      { name: 'outcome', label: 'Outcome', hint: 'Needed when the assessment is completed', kind: 'radios', options: OUTCOME_OPTIONS },
    ],
    a,
  );
  const conflict = form.problemStatus === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems);
    const factors = read.factors as string[];
    if (read.completedOn && !read.outcome) problems.push(['outcome', 'Choose the outcome of the assessment']);
    if (factors.includes('21') && factors.length > 1) problems.push(['factors', '“No factors identified” cannot be chosen with other factors']);
    const body = checkWith(assessmentProgress, { ...read, version: a.version }, problems, {
      outcome: 'Choose the outcome of the assessment',
      factors: 'Choose the factors identified',
    });
    form.submit(
      problems,
      body,
      (b) => api.casework.updateAssessment(ctx.child.childId, a.assessmentId, b),
      read.completedOn ? 'Assessment completed. It now needs a manager’s authorisation.' : 'Assessment updated',
    );
  };

  const reload = (event: MouseEvent) => {
    event.preventDefault();
    window.location.reload();
  };

  return (
    <StepForm
      ctx={ctx}
      title={UPDATE_TITLE}
      errors={form.errors}
      busy={form.busy}
      submitText="Save assessment"
      onSubmit={submit}
      summaryExtra={
        conflict ? (
          <p className="govuk-body">
            <a className="govuk-link" href={window.location.pathname} onClick={reload}>
              Reload the assessment
            </a>{' '}
            to see the latest. The changes you made here are not saved.
          </p>
        ) : null
      }
      intro={<p className="govuk-body">Started {formatDate(a.startDate)}. Fill in what you have; complete it when the assessment is finished.</p>}
    >
      {form.render([], {
        seeing: <h2 className="govuk-heading-m">Seeing the child</h2>,
        found: <h2 className="govuk-heading-m">What the assessment found</h2>,
        completion: <h2 className="govuk-heading-m">Completion</h2>,
      })}
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// A manager authorises a completed assessment

const AUTHORISE_TITLE = 'Authorise the assessment';

export function AssessmentAuthorisePage() {
  const { assessmentId = '' } = useParams();
  return (
    <StepPage
      title={AUTHORISE_TITLE}
      whyNot={(ctx) => {
        const a = findAssessment(ctx, assessmentId);
        if (!a) return 'There is no such assessment for this child.';
        if (!ctx.casework.canAuthorise) return 'Only a manager can authorise an assessment.';
        if (a.authorisedOn) return `The assessment was authorised on ${formatDate(a.authorisedOn)}${a.authorisedBy ? ` by ${a.authorisedBy}` : ''}.`;
        if (!a.completedOn) return 'The assessment is not completed yet. It can be authorised once the social worker records it as completed.';
        return null;
      }}
      render={(ctx) => {
        const a = findAssessment(ctx, assessmentId) as Assessment;
        const episode = ctx.casework.episodes.find((e) => e.assessments.includes(a)) as EpisodeView;
        return <AuthoriseForm ctx={ctx} assessment={a} referralDate={episode.referralDate} />;
      }}
    />
  );
}

function AuthoriseForm({ ctx, assessment: a, referralDate }: { ctx: CaseContext; assessment: Assessment; referralDate: string }) {
  // Working Together: 45 working days from the referral (day 0), authorisation included, or
  // the council's stricter timescale: the deadline Lantern tracks says which.
  const tracked = ctx.casework.obligations.find((o) => o.ruleId === 'assessment' && o.startDate === referralDate)?.dueDate;
  const due = useMemo(() => tracked ?? addWorkingDays(referralDate, 45), [tracked, referralDate]);
  const form = useStepFields(
    ctx,
    [
      stepDate('authorisedOn', 'Date of authorisation', 'the date of authorisation', 'The date of authorisation', {
        date: a.completedOn ?? a.startDate,
        what: `the date the assessment was completed (${formatDate(a.completedOn)})`,
      }),
      {
        name: 'lateReason',
        label: 'Reasons it is late (if it is)',
        hint: `Needed when authorised after ${formatDate(due)}, the end of the 45 working days from the referral`,
        kind: 'textarea',
        rows: 3,
      },
    ],
    { authorisedOn: todayInEngland() },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems);
    if (typeof read.authorisedOn === 'string' && read.authorisedOn > due && !read.lateReason)
      problems.push(['lateReason', `Give the reasons the assessment was authorised late (it was due by ${formatDate(due)})`]);
    const body = checkWith(assessmentAuthorisation, read, problems, {});
    form.submit(problems, body, (b) => api.casework.authoriseAssessment(ctx.child.childId, a.assessmentId, b), 'Assessment authorised');
  };

  return (
    <StepForm
      ctx={ctx}
      title={AUTHORISE_TITLE}
      errors={form.errors}
      busy={form.busy}
      submitText="Authorise assessment"
      onSubmit={submit}
      intro={
        <dl className="govuk-summary-list govuk-!-margin-bottom-6">
          <SummaryRow label="Referral date">{formatDate(referralDate)}</SummaryRow>
          <SummaryRow label="Started">{formatDate(a.startDate)}</SummaryRow>
          <SummaryRow label="Child seen">
            {a.childSeenOn ? `${formatDate(a.childSeenOn)}${a.childSeenAlone ? ', alone' : a.childSeenAlone === false ? ', not alone' : ''}` : 'Not recorded'}
          </SummaryRow>
          <SummaryRow label="Completed">{formatDate(a.completedOn)}</SummaryRow>
          <SummaryRow label="Outcome">{labelOf(ASSESSMENT_OUTCOME, a.outcome)}</SummaryRow>
          <SummaryRow label="Factors">{a.factors.length ? a.factors.map((f) => labelOf(ASSESSMENT_FACTOR, f)).join('; ') : 'None recorded'}</SummaryRow>
          <SummaryRow label="Due by">{formatDate(due)}</SummaryRow>
        </dl>
      }
    >
      {form.render()}
    </StepForm>
  );
}
