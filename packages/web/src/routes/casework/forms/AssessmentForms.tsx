/** Assessments: start one, record the child seen, the factors and completion, and a manager's authorisation. */
import { addWorkingDays } from '@lantern/core/calendar';
import { ASSESSMENT_FACTOR, ASSESSMENT_OUTCOME, assessmentAuthorisation, assessmentProgress, newAssessment } from '@lantern/core/pathway';
import { type FormEvent, type MouseEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import type { EpisodeView } from '../../../api/types.ts';
import { Checkboxes, DateInput, Radios, Textarea, YesNo } from '../../../components/fields.tsx';
import { dateParts, formatDate, labelOf, todayInEngland, yesNo } from '../../../format.ts';
import { checkWith, optionsOf, type Problems, readDate } from '../../../components/forms.ts';
import { type CaseContext, StepForm, StepPage, useStep } from '../StepPage.tsx';
import { STEP_TEXT, whyNot } from '../steps.ts';

type Assessment = EpisodeView['assessments'][number];

const FACTOR_OPTIONS = Object.entries(ASSESSMENT_FACTOR).map(([value, label]) => ({ value, label: `${label} (${value})` }));
const OUTCOME_OPTIONS = optionsOf(ASSESSMENT_OUTCOME);

// ---------------------------------------------------------------------------------------------
// Start an assessment

export function AssessmentStartPage() {
  return <StepPage title={STEP_TEXT.assessment} whyNot={(ctx) => whyNot('assessment', ctx.casework)} render={(ctx) => <AssessmentStartForm ctx={ctx} />} />;
}

function AssessmentStartForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, { startDate: 'startDate-day' });
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const referralDate = ctx.episode?.referralDate ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'startDate', startDate, {
      what: 'the date the assessment started',
      label: 'The start date',
      notBefore: { date: referralDate, what: `the referral date (${formatDate(referralDate)})` },
    });
    const body = checkWith(newAssessment, { startDate: date ?? undefined }, problems, {});
    step.submit(problems, body, (b) => api.casework.startAssessment(ctx.child.childId, b), 'Assessment started');
  };

  return (
    <StepForm
      ctx={ctx}
      title={STEP_TEXT.assessment}
      errors={step.errors}
      busy={step.busy}
      submitText="Start assessment"
      onSubmit={submit}
      intro={
        <p className="govuk-body">
          The assessment must be completed and authorised by a manager within 45 working days of the referral on {formatDate(referralDate)}.
        </p>
      }
    >
      <DateInput
        name="startDate"
        label="Start date"
        hint="For example, 27 3 2026"
        value={startDate}
        onChange={setStartDate}
        error={step.errors.fields.startDate}
      />
    </StepForm>
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

const UPDATE_ANCHORS = {
  childSeenOn: 'childSeenOn-day',
  childSeenAlone: 'childSeenAlone',
  factors: 'factors',
  completedOn: 'completedOn-day',
  outcome: 'outcome',
};

function AssessmentUpdateForm({ ctx, assessment: a }: { ctx: CaseContext; assessment: Assessment }) {
  const step = useStep(ctx, UPDATE_ANCHORS);
  const [childSeenOn, setChildSeenOn] = useState(dateParts(a.childSeenOn));
  const [childSeenAlone, setChildSeenAlone] = useState(yesNo(a.childSeenAlone));
  const [factors, setFactors] = useState<string[]>(a.factors);
  const [completedOn, setCompletedOn] = useState(dateParts(a.completedOn));
  const [outcome, setOutcome] = useState(a.outcome ?? '');
  const conflict = step.problemStatus === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const start = { date: a.startDate, what: `the start date (${formatDate(a.startDate)})` };
    const seen = readDate(problems, 'childSeenOn', childSeenOn, {
      what: 'the date the child was seen',
      label: 'The date seen',
      required: false,
      notBefore: start,
    });
    const completed = readDate(problems, 'completedOn', completedOn, {
      what: 'the date completed',
      label: 'The date completed',
      required: false,
      notBefore: start,
    });
    if (completed && !outcome) problems.push(['outcome', 'Choose the outcome of the assessment']);
    if (factors.includes('21') && factors.length > 1) problems.push(['factors', '“No factors identified” cannot be chosen with other factors']);
    const body = checkWith(
      assessmentProgress,
      {
        version: a.version,
        childSeenOn: seen,
        childSeenAlone: childSeenAlone ? childSeenAlone === 'yes' : null,
        factors,
        completedOn: completed,
        outcome: outcome || null,
      },
      problems,
      { outcome: 'Choose the outcome of the assessment', factors: 'Choose the factors identified' },
    );
    step.submit(
      problems,
      body,
      (b) => api.casework.updateAssessment(ctx.child.childId, a.assessmentId, b),
      completed ? 'Assessment completed. It now needs a manager’s authorisation.' : 'Assessment updated',
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
      errors={step.errors}
      busy={step.busy}
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
      <h2 className="govuk-heading-m">Seeing the child</h2>
      <DateInput
        name="childSeenOn"
        label="Date the child was seen"
        hint="For example, 27 3 2026"
        value={childSeenOn}
        onChange={setChildSeenOn}
        error={step.errors.fields.childSeenOn}
      />
      <YesNo
        name="childSeenAlone"
        label="Was the child seen alone?"
        value={childSeenAlone}
        onChange={setChildSeenAlone}
        error={step.errors.fields.childSeenAlone}
      />
      <h2 className="govuk-heading-m">What the assessment found</h2>
      <Checkboxes
        name="factors"
        label="Factors identified"
        hint="Choose all that apply. “No factors identified” must be chosen on its own."
        values={factors}
        onChange={setFactors}
        options={FACTOR_OPTIONS}
        small
        columns
        error={step.errors.fields.factors}
      />
      <h2 className="govuk-heading-m">Completion</h2>
      <DateInput
        name="completedOn"
        label="Date completed (if completed)"
        hint="Leave blank while the assessment is still under way"
        value={completedOn}
        onChange={setCompletedOn}
        error={step.errors.fields.completedOn}
      />
      <Radios
        name="outcome"
        label="Outcome"
        hint="Needed when the assessment is completed"
        value={outcome}
        onChange={setOutcome}
        options={OUTCOME_OPTIONS}
        error={step.errors.fields.outcome}
      />
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
  const step = useStep(ctx, { authorisedOn: 'authorisedOn-day', lateReason: 'lateReason' });
  const [authorisedOn, setAuthorisedOn] = useState(dateParts(todayInEngland()));
  const [lateReason, setLateReason] = useState('');
  // Working Together: 45 working days from the referral (day 0), authorisation included, or
  // the council's stricter timescale: the deadline Lantern tracks says which.
  const tracked = ctx.casework.obligations.find((o) => o.ruleId === 'assessment' && o.startDate === referralDate)?.dueDate;
  const due = useMemo(() => tracked ?? addWorkingDays(referralDate, 45), [tracked, referralDate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'authorisedOn', authorisedOn, {
      what: 'the date of authorisation',
      label: 'The date of authorisation',
      notBefore: { date: a.completedOn ?? a.startDate, what: `the date the assessment was completed (${formatDate(a.completedOn)})` },
    });
    if (date && date > due && !lateReason.trim())
      problems.push(['lateReason', `Give the reasons the assessment was authorised late (it was due by ${formatDate(due)})`]);
    const body = checkWith(assessmentAuthorisation, { authorisedOn: date ?? undefined, lateReason: lateReason.trim() || null }, problems, {});
    step.submit(problems, body, (b) => api.casework.authoriseAssessment(ctx.child.childId, a.assessmentId, b), 'Assessment authorised');
  };

  return (
    <StepForm
      ctx={ctx}
      title={AUTHORISE_TITLE}
      errors={step.errors}
      busy={step.busy}
      submitText="Authorise assessment"
      onSubmit={submit}
      intro={
        <dl className="govuk-summary-list govuk-!-margin-bottom-6">
          <Row k="Referral date" v={formatDate(referralDate)} />
          <Row k="Started" v={formatDate(a.startDate)} />
          <Row
            k="Child seen"
            v={a.childSeenOn ? `${formatDate(a.childSeenOn)}${a.childSeenAlone ? ', alone' : a.childSeenAlone === false ? ', not alone' : ''}` : 'Not recorded'}
          />
          <Row k="Completed" v={formatDate(a.completedOn)} />
          <Row k="Outcome" v={labelOf(ASSESSMENT_OUTCOME, a.outcome)} />
          <Row k="Factors" v={a.factors.length ? a.factors.map((f) => labelOf(ASSESSMENT_FACTOR, f)).join('; ') : 'None recorded'} />
          <Row k="Due by" v={formatDate(due)} />
        </dl>
      }
    >
      <DateInput
        name="authorisedOn"
        label="Date of authorisation"
        hint="For example, 27 3 2026"
        value={authorisedOn}
        onChange={setAuthorisedOn}
        error={step.errors.fields.authorisedOn}
      />
      <Textarea
        name="lateReason"
        label="Reasons it is late (if it is)"
        hint={`Needed when authorised after ${formatDate(due)}, the end of the 45 working days from the referral`}
        rows={3}
        value={lateReason}
        onChange={setLateReason}
        error={step.errors.fields.lateReason}
      />
    </StepForm>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{k}</dt>
      <dd className="govuk-summary-list__value">{v}</dd>
    </div>
  );
}
