/** Child protection: strategy discussions and section 47 enquiries (conferences and core groups: ConferenceForms.tsx). */
import { WarningText } from '../../../components/Notices.tsx';
import { AGENCY, EXPECTED_AGENCIES, newSection47, newStrategyDiscussion, S47_OUTCOME, section47Outcome } from '@lantern/core/pathway';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import type { EpisodeView } from '../../../api/types.ts';
import { formatDate, labelOf, todayInEngland } from '../../../format.ts';
import { checkWith, comesBefore, type Problems } from '../../../components/forms.ts';
import { optionsOf } from '../../../components/form-model.ts';
import { type CaseContext, StepForm, StepPage, stepDate, useStepFields } from '../StepPage.tsx';
import { STEP_TEXT, strategiesAwaitingEnquiry, whyNot } from '../steps.ts';

/** "Police and education not present", or null when every expected agency took part. */
export function missingAgenciesText(missing: readonly string[]): string | null {
  if (missing.length === 0) return null;
  const names = missing.map((a) => labelOf(AGENCY, a));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} not present`;
}

// ---------------------------------------------------------------------------------------------
// Strategy discussion

export function StrategyDiscussionPage() {
  return (
    <StepPage
      title={STEP_TEXT['strategy-discussion']}
      whyNot={(ctx) => whyNot('strategy-discussion', ctx.casework)}
      render={(ctx) => <StrategyDiscussionForm ctx={ctx} />}
    />
  );
}

function StrategyDiscussionForm({ ctx }: { ctx: CaseContext }) {
  const form = useStepFields(
    ctx,
    [
      stepDate(
        'heldOn',
        'Date held',
        'the date of the strategy discussion',
        'The date',
        ctx.episode ? { date: ctx.episode.referralDate, what: `the referral date (${formatDate(ctx.episode.referralDate)})` } : undefined,
      ),
      {
        name: 'agencies',
        label: 'Who took part',
        hint: 'Working Together expects at least children’s social care, police and health, and education where the child goes to school or nursery',
        kind: 'checkboxes',
        options: optionsOf(AGENCY),
        columns: false,
      },
      { name: 'missingAgencies', label: 'Agencies not present', kind: 'custom' },
      {
        name: 'decision',
        label: 'What was decided?',
        kind: 'radios',
        options: [
          { value: 'section-47', label: 'Start a section 47 enquiry', hint: 'There is reasonable cause to suspect significant harm' },
          { value: 'no-section-47', label: 'No section 47 enquiry' },
        ],
        required: true,
        missing: 'Say whether a section 47 enquiry will start',
      },
      { name: 'reasons', label: 'Reasons for the decision', kind: 'textarea', required: true, missing: 'Enter the reasons for the decision' },
    ],
    { heldOn: todayInEngland(), agencies: ['social-care'] },
  );
  const agencies = form.values.agencies as string[];
  const missing = missingAgenciesText(EXPECTED_AGENCIES.filter((a) => !agencies.includes(a)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems);
    if (agencies.length === 0) problems.push(['agencies', 'Choose the agencies that took part']);
    const body = checkWith(newStrategyDiscussion, read, problems, {
      agencies: 'Choose the agencies that took part',
      decision: 'Say whether a section 47 enquiry will start',
      reasons: 'Enter the reasons for the decision',
    });
    form.submit(
      problems,
      body,
      (b) => api.casework.addStrategyDiscussion(ctx.child.childId, b),
      `Strategy discussion recorded${missing ? ` (${missing.charAt(0).toLowerCase()}${missing.slice(1)})` : ''}`,
    );
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT['strategy-discussion']} errors={form.errors} busy={form.busy} submitText="Save strategy discussion" onSubmit={submit}>
      {form.render([], {
        missingAgencies: missing ? (
          <WarningText testId="missing-agencies">{missing}. Say in the reasons why, and how they will be told what was decided.</WarningText>
        ) : null,
      })}
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Section 47 enquiry: start, and outcome

export function Section47Page() {
  return <StepPage title={STEP_TEXT['section-47']} whyNot={(ctx) => whyNot('section-47', ctx.casework)} render={(ctx) => <Section47Form ctx={ctx} />} />;
}

function Section47Form({ ctx }: { ctx: CaseContext }) {
  const waiting = strategiesAwaitingEnquiry(ctx.episode);
  const form = useStepFields(
    ctx,
    [
      {
        name: 'strategyId',
        label: 'Following the strategy discussion on',
        kind: 'radios',
        options: waiting.map((s) => ({
          value: s.strategyId,
          label: formatDate(s.heldOn),
          hint: s.reasons.length > 120 ? `${s.reasons.slice(0, 120)}…` : s.reasons,
        })),
        required: true,
        missing: 'Choose the strategy discussion that decided on the enquiry',
      },
      stepDate('startDate', 'Start date', 'the date the enquiry started', 'The start date'),
    ],
    { strategyId: waiting.length === 1 ? waiting[0]?.strategyId : '', startDate: todayInEngland() },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems);
    // The enquiry starts no earlier than the discussion chosen.
    const strategy = waiting.find((s) => s.strategyId === read.strategyId);
    if (typeof read.startDate === 'string' && strategy)
      comesBefore(problems, 'startDate', read.startDate, 'The start date', {
        date: strategy.heldOn,
        what: `the strategy discussion (${formatDate(strategy.heldOn)})`,
      });
    const body = checkWith(newSection47, read, problems, { strategyId: 'Choose the strategy discussion' });
    form.submit(problems, body, (b) => api.casework.startSection47(ctx.child.childId, b), 'Section 47 enquiry started');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT['section-47']} errors={form.errors} busy={form.busy} submitText="Start enquiry" onSubmit={submit}>
      {form.render()}
    </StepForm>
  );
}

const OUTCOME_TITLE = 'Record the outcome of the section 47 enquiry';

export function Section47OutcomePage() {
  const { s47Id = '' } = useParams();
  return (
    <StepPage
      title={OUTCOME_TITLE}
      whyNot={(ctx) => {
        const s = ctx.episode?.section47s.find((x) => x.s47Id === s47Id);
        if (!s) return 'There is no such enquiry open for this child.';
        if (s.completedOn) return `The enquiry was completed on ${formatDate(s.completedOn)}: ${labelOf(S47_OUTCOME, s.outcome)}.`;
        return ctx.casework.canRecord ? null : 'Your role does not include recording casework for this child.';
      }}
      render={(ctx) => <Section47OutcomeForm ctx={ctx} enquiry={ctx.episode?.section47s.find((x) => x.s47Id === s47Id) as EpisodeView['section47s'][number]} />}
    />
  );
}

function Section47OutcomeForm({ ctx, enquiry }: { ctx: CaseContext; enquiry: EpisodeView['section47s'][number] }) {
  const form = useStepFields(
    ctx,
    [
      stepDate('completedOn', 'Date completed', 'the date the enquiry was completed', 'The date completed', {
        date: enquiry.startDate,
        what: `the start of the enquiry (${formatDate(enquiry.startDate)})`,
      }),
      { name: 'outcome', label: 'Outcome', kind: 'radios', options: optionsOf(S47_OUTCOME), required: true, missing: 'Choose the outcome of the enquiry' },
      {
        name: 'icpcNotRequiredReason',
        label: 'Why is no initial conference needed?',
        kind: 'textarea',
        rows: 3,
        required: true,
        missing: 'Say why no initial conference is needed',
      },
    ],
    { completedOn: todayInEngland() },
  );
  const outcome = form.values.outcome as string;
  // Why no conference is asked only once an outcome other than a conference is chosen.
  const hidden = outcome && outcome !== 'conference' ? [] : ['icpcNotRequiredReason'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = checkWith(section47Outcome, { icpcNotRequiredReason: null, ...form.read(problems, hidden) }, problems, {
      outcome: 'Choose the outcome of the enquiry',
    });
    form.submit(
      problems,
      body,
      (b) => api.casework.section47Outcome(ctx.child.childId, enquiry.s47Id, b),
      outcome === 'conference'
        ? 'Enquiry outcome recorded. The initial conference is due within 15 working days of the strategy discussion.'
        : 'Enquiry outcome recorded',
    );
  };

  return (
    <StepForm
      ctx={ctx}
      title={OUTCOME_TITLE}
      errors={form.errors}
      busy={form.busy}
      submitText="Save outcome"
      onSubmit={submit}
      intro={<p className="govuk-body">The enquiry started on {formatDate(enquiry.startDate)}.</p>}
    >
      {form.render(hidden)}
    </StepForm>
  );
}
