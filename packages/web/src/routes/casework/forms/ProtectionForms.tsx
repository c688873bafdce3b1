/** Child protection: strategy discussions, section 47 enquiries, conferences and core groups. */
import {
  AGENCY,
  CATEGORY_OF_ABUSE,
  EXPECTED_AGENCIES,
  newConference,
  newCoreGroup,
  newSection47,
  newStrategyDiscussion,
  S47_OUTCOME,
  section47Outcome,
} from '@lantern/core/pathway';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import type { EpisodeView } from '../../../api/types.ts';
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput, YesNo } from '../../../components/fields.tsx';
import { dateParts, formatDate, labelOf, todayInEngland } from '../../../format.ts';
import { checkWith, optionsOf, type Problems, readDate, readYesNo } from '../../../components/forms.ts';
import { type CaseContext, StepForm, StepPage, useStep } from '../StepPage.tsx';
import { enquiriesAwaitingConference, openProtectionPlan, STEP_TEXT, strategiesAwaitingEnquiry, whyNot } from '../steps.ts';

const CATEGORY_OPTIONS = optionsOf(CATEGORY_OF_ABUSE);

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

const STRATEGY_ANCHORS = { heldOn: 'heldOn-day', agencies: 'agencies', decision: 'decision', reasons: 'reasons' };

function StrategyDiscussionForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, STRATEGY_ANCHORS);
  const [heldOn, setHeldOn] = useState(dateParts(todayInEngland()));
  const [agencies, setAgencies] = useState<string[]>(['social-care']);
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const missing = missingAgenciesText(EXPECTED_AGENCIES.filter((a) => !agencies.includes(a)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'heldOn', heldOn, {
      what: 'the date of the strategy discussion',
      label: 'The date',
      notBefore: ctx.episode ? { date: ctx.episode.referralDate, what: `the referral date (${formatDate(ctx.episode.referralDate)})` } : undefined,
    });
    if (agencies.length === 0) problems.push(['agencies', 'Choose the agencies that took part']);
    if (!decision) problems.push(['decision', 'Say whether a section 47 enquiry will start']);
    if (!reasons.trim()) problems.push(['reasons', 'Enter the reasons for the decision']);
    const body = checkWith(newStrategyDiscussion, { heldOn: date ?? undefined, agencies, decision, reasons }, problems, {
      agencies: 'Choose the agencies that took part',
      decision: 'Say whether a section 47 enquiry will start',
      reasons: 'Enter the reasons for the decision',
    });
    step.submit(
      problems,
      body,
      (b) => api.casework.addStrategyDiscussion(ctx.child.childId, b),
      `Strategy discussion recorded${missing ? ` (${missing.charAt(0).toLowerCase()}${missing.slice(1)})` : ''}`,
    );
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT['strategy-discussion']} errors={step.errors} busy={step.busy} submitText="Save strategy discussion" onSubmit={submit}>
      <DateInput name="heldOn" label="Date held" hint="For example, 27 3 2026" value={heldOn} onChange={setHeldOn} error={step.errors.fields.heldOn} />
      <Checkboxes
        name="agencies"
        label="Who took part"
        hint="Working Together expects at least children’s social care, police and health, and education where the child goes to school or nursery"
        values={agencies}
        onChange={setAgencies}
        options={optionsOf(AGENCY)}
        small
        error={step.errors.fields.agencies}
      />
      {missing ? (
        <div className="govuk-warning-text" data-testid="missing-agencies">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {missing}. Say in the reasons why, and how they will be told what was decided.
          </strong>
        </div>
      ) : null}
      <Radios
        name="decision"
        label="What was decided?"
        value={decision}
        onChange={setDecision}
        options={[
          { value: 'section-47', label: 'Start a section 47 enquiry', hint: 'There is reasonable cause to suspect significant harm' },
          { value: 'no-section-47', label: 'No section 47 enquiry' },
        ]}
        error={step.errors.fields.decision}
      />
      <Textarea name="reasons" label="Reasons for the decision" value={reasons} onChange={setReasons} error={step.errors.fields.reasons} />
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
  const step = useStep(ctx, { strategyId: 'strategyId', startDate: 'startDate-day' });
  const [strategyId, setStrategyId] = useState(waiting.length === 1 ? (waiting[0]?.strategyId ?? '') : '');
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const strategy = waiting.find((s) => s.strategyId === strategyId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (!strategyId) problems.push(['strategyId', 'Choose the strategy discussion that decided on the enquiry']);
    const date = readDate(problems, 'startDate', startDate, {
      what: 'the date the enquiry started',
      label: 'The start date',
      notBefore: strategy ? { date: strategy.heldOn, what: `the strategy discussion (${formatDate(strategy.heldOn)})` } : undefined,
    });
    const body = checkWith(newSection47, { strategyId, startDate: date ?? undefined }, problems, { strategyId: 'Choose the strategy discussion' });
    step.submit(problems, body, (b) => api.casework.startSection47(ctx.child.childId, b), 'Section 47 enquiry started');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT['section-47']} errors={step.errors} busy={step.busy} submitText="Start enquiry" onSubmit={submit}>
      <Radios
        name="strategyId"
        label="Following the strategy discussion on"
        value={strategyId}
        onChange={setStrategyId}
        options={waiting.map((s) => ({
          value: s.strategyId,
          label: formatDate(s.heldOn),
          hint: s.reasons.length > 120 ? `${s.reasons.slice(0, 120)}…` : s.reasons,
        }))}
        error={step.errors.fields.strategyId}
      />
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
  const step = useStep(ctx, { completedOn: 'completedOn-day', outcome: 'outcome', icpcNotRequiredReason: 'icpcNotRequiredReason' });
  const [completedOn, setCompletedOn] = useState(dateParts(todayInEngland()));
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'completedOn', completedOn, {
      what: 'the date the enquiry was completed',
      label: 'The date completed',
      notBefore: { date: enquiry.startDate, what: `the start of the enquiry (${formatDate(enquiry.startDate)})` },
    });
    if (!outcome) problems.push(['outcome', 'Choose the outcome of the enquiry']);
    if (outcome && outcome !== 'conference' && !reason.trim()) problems.push(['icpcNotRequiredReason', 'Say why no initial conference is needed']);
    const body = checkWith(
      section47Outcome,
      { completedOn: date ?? undefined, outcome, icpcNotRequiredReason: outcome !== 'conference' ? reason.trim() || null : null },
      problems,
      { outcome: 'Choose the outcome of the enquiry' },
    );
    step.submit(
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
      errors={step.errors}
      busy={step.busy}
      submitText="Save outcome"
      onSubmit={submit}
      intro={<p className="govuk-body">The enquiry started on {formatDate(enquiry.startDate)}.</p>}
    >
      <DateInput
        name="completedOn"
        label="Date completed"
        hint="For example, 27 3 2026"
        value={completedOn}
        onChange={setCompletedOn}
        error={step.errors.fields.completedOn}
      />
      <Radios name="outcome" label="Outcome" value={outcome} onChange={setOutcome} options={optionsOf(S47_OUTCOME)} error={step.errors.fields.outcome} />
      {outcome && outcome !== 'conference' ? (
        <Textarea
          name="icpcNotRequiredReason"
          label="Why is no initial conference needed?"
          rows={3}
          value={reason}
          onChange={setReason}
          error={step.errors.fields.icpcNotRequiredReason}
        />
      ) : null}
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Conferences

const CONFERENCE_ANCHORS = {
  s47Id: 's47Id',
  heldOn: 'heldOn-day',
  chair: 'chair',
  outcome: 'outcome',
  initialCategory: 'initialCategory',
  latestCategory: 'latestCategory',
  endReason: 'endReason',
  whatChanged: 'whatChanged',
  changeSustainedWeeks: 'changeSustainedWeeks',
  childMetDecider: 'childMetDecider',
  parentsMetDecider: 'parentsMetDecider',
  childWords: 'childWords',
};

export function InitialConferencePage() {
  return (
    <StepPage
      title={STEP_TEXT['initial-conference']}
      whyNot={(ctx) => whyNot('initial-conference', ctx.casework)}
      render={(ctx) => <ConferenceForm ctx={ctx} kind="initial" />}
    />
  );
}

export function ReviewConferencePage() {
  return (
    <StepPage
      title={STEP_TEXT['review-conference']}
      whyNot={(ctx) => whyNot('review-conference', ctx.casework)}
      render={(ctx) => <ConferenceForm ctx={ctx} kind="review" />}
    />
  );
}

/** A whole number of weeks, 0 to 520, or null. */
export function readWeeks(problems: Problems, text: string, required: boolean): number | null {
  const t = text.trim();
  if (!t) {
    if (required) problems.push(['changeSustainedWeeks', 'Enter for how many weeks the change has held']);
    return null;
  }
  if (!/^\d+$/.test(t) || Number(t) > 520) {
    problems.push(['changeSustainedWeeks', 'Enter the number of weeks as a whole number, like 12']);
    return null;
  }
  return Number(t);
}

function ConferenceForm({ ctx, kind }: { ctx: CaseContext; kind: 'initial' | 'review' }) {
  const enquiries = enquiriesAwaitingConference(ctx.episode);
  const plan = openProtectionPlan(ctx.episode);
  const title = STEP_TEXT[kind === 'initial' ? 'initial-conference' : 'review-conference'];
  const step = useStep(ctx, CONFERENCE_ANCHORS);
  const [s47Id, setS47Id] = useState(enquiries.length === 1 ? (enquiries[0]?.s47Id ?? '') : '');
  const [heldOn, setHeldOn] = useState(dateParts(todayInEngland()));
  const [chair, setChair] = useState('');
  const [outcome, setOutcome] = useState('');
  const [initialCategory, setInitialCategory] = useState('');
  const [latestCategory, setLatestCategory] = useState(plan?.latestCategory ?? '');
  const [endReason, setEndReason] = useState('');
  const [whatChanged, setWhatChanged] = useState('');
  const [weeks, setWeeks] = useState('');
  const [childMet, setChildMet] = useState('');
  const [parentsMet, setParentsMet] = useState('');
  const [childWords, setChildWords] = useState('');
  const enquiry = enquiries.find((e) => e.s47Id === s47Id);
  const ending = kind === 'review' && outcome === 'end-plan';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (kind === 'initial' && !s47Id) problems.push(['s47Id', 'Choose the section 47 enquiry the conference follows']);
    const lastConference = plan
      ? (ctx.episode?.conferences.filter((c) => c.planId === plan.planId).sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0]?.heldOn ?? plan.startDate)
      : null;
    const earliest =
      kind === 'initial'
        ? enquiry && { date: enquiry.startDate, what: `the start of the enquiry (${formatDate(enquiry.startDate)})` }
        : lastConference && { date: lastConference, what: `the last conference (${formatDate(lastConference)})` };
    const date = readDate(problems, 'heldOn', heldOn, { what: 'the date of the conference', label: 'The date', notBefore: earliest || undefined });
    if (!chair.trim()) problems.push(['chair', 'Enter who chaired the conference']);
    if (!outcome) problems.push(['outcome', 'Choose what the conference decided']);
    if (kind === 'initial' && outcome === 'plan' && !initialCategory) problems.push(['initialCategory', 'Choose the category of abuse']);
    if (ending && !endReason.trim()) problems.push(['endReason', 'Say why the plan ends']);
    if (ending && !whatChanged.trim()) problems.push(['whatChanged', 'Say what has changed for the child']);
    const sustained = ending ? readWeeks(problems, weeks, true) : null;
    const childMetDecider = readYesNo(problems, 'childMetDecider', childMet, 'Say whether the child met the chair');
    const parentsMetDecider = readYesNo(problems, 'parentsMetDecider', parentsMet, 'Say whether the parents met the chair');
    const body = checkWith(
      newConference,
      {
        kind,
        s47Id: kind === 'initial' ? s47Id || undefined : undefined,
        heldOn: date ?? undefined,
        outcome,
        chair,
        initialCategory: kind === 'initial' && outcome === 'plan' ? initialCategory || undefined : undefined,
        latestCategory: kind === 'review' && outcome === 'continue-plan' && latestCategory ? latestCategory : undefined,
        endReason: ending ? endReason : undefined,
        whatChanged: ending ? whatChanged : undefined,
        changeSustainedWeeks: sustained ?? undefined,
        childMetDecider: childMetDecider ?? undefined,
        parentsMetDecider: parentsMetDecider ?? undefined,
        childWords: childWords.trim() || null,
      },
      problems,
      { outcome: 'Choose what the conference decided', chair: 'Enter who chaired the conference' },
    );
    const notice =
      outcome === 'plan'
        ? `Initial conference recorded. ${ctx.name} is on a child protection plan (${labelOf(CATEGORY_OF_ABUSE, initialCategory).toLowerCase()}).`
        : outcome === 'end-plan'
          ? 'Review conference recorded. The child protection plan has ended.'
          : `${kind === 'initial' ? 'Initial' : 'Review'} conference recorded`;
    step.submit(problems, body, (b) => api.casework.addConference(ctx.child.childId, b), notice);
  };

  return (
    <StepForm
      ctx={ctx}
      title={title}
      errors={step.errors}
      busy={step.busy}
      submitText="Save conference"
      onSubmit={submit}
      intro={
        kind === 'review' && plan ? (
          <p className="govuk-body">
            On a child protection plan since {formatDate(plan.startDate)} ({labelOf(CATEGORY_OF_ABUSE, plan.latestCategory).toLowerCase()}).
          </p>
        ) : null
      }
    >
      {kind === 'initial' ? (
        <Radios
          name="s47Id"
          label="Following the section 47 enquiry"
          value={s47Id}
          onChange={setS47Id}
          options={enquiries.map((e) => ({ value: e.s47Id, label: `Started ${formatDate(e.startDate)}, completed ${formatDate(e.completedOn)}` }))}
          error={step.errors.fields.s47Id}
        />
      ) : null}
      <DateInput name="heldOn" label="Date held" hint="For example, 27 3 2026" value={heldOn} onChange={setHeldOn} error={step.errors.fields.heldOn} />
      <TextInput name="chair" label="Chair" hint="The name of the person who chaired it" value={chair} onChange={setChair} error={step.errors.fields.chair} />
      <Radios
        name="outcome"
        label="What did the conference decide?"
        value={outcome}
        onChange={setOutcome}
        options={
          kind === 'initial'
            ? [
                { value: 'plan', label: 'Child protection plan' },
                { value: 'no-plan', label: 'No child protection plan' },
              ]
            : [
                { value: 'continue-plan', label: 'The plan continues' },
                { value: 'end-plan', label: 'The plan ends' },
              ]
        }
        error={step.errors.fields.outcome}
      />
      {kind === 'initial' && outcome === 'plan' ? (
        <Radios
          name="initialCategory"
          label="Category of abuse"
          hint="Use “Multiple” only when no single category is the main one"
          value={initialCategory}
          onChange={setInitialCategory}
          options={CATEGORY_OPTIONS}
          error={step.errors.fields.initialCategory}
        />
      ) : null}
      {kind === 'review' && outcome === 'continue-plan' ? (
        <Select
          name="latestCategory"
          label="Category of abuse now"
          value={latestCategory}
          onChange={setLatestCategory}
          options={CATEGORY_OPTIONS}
          error={step.errors.fields.latestCategory}
        />
      ) : null}
      {ending ? (
        <>
          <Textarea name="endReason" label="Why does the plan end?" rows={3} value={endReason} onChange={setEndReason} error={step.errors.fields.endReason} />
          <Textarea
            name="whatChanged"
            label="What has changed for the child?"
            hint="What is different in the child’s daily life, not only what services were given"
            value={whatChanged}
            onChange={setWhatChanged}
            error={step.errors.fields.whatChanged}
          />
          <WeeksInput value={weeks} onChange={setWeeks} error={step.errors.fields.changeSustainedWeeks} />
        </>
      ) : null}
      <h2 className="govuk-heading-m">The child’s voice</h2>
      <YesNo
        name="childMetDecider"
        label="Did the child meet the chair?"
        hint="Face to face, before or at the conference"
        value={childMet}
        onChange={setChildMet}
        error={step.errors.fields.childMetDecider}
      />
      <YesNo
        name="parentsMetDecider"
        label="Did the parents meet the chair?"
        value={parentsMet}
        onChange={setParentsMet}
        error={step.errors.fields.parentsMetDecider}
      />
      <Textarea
        name="childWords"
        label="The child’s own words (optional)"
        hint="What the child said about their life and the plan, as they said it"
        value={childWords}
        onChange={setChildWords}
        error={step.errors.fields.childWords}
      />
    </StepForm>
  );
}

/** How many weeks a change has held: a number box with "weeks" after it. */
export function WeeksInput({
  value,
  onChange,
  error,
  optional,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  optional?: boolean;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor="changeSustainedWeeks">
        For how many weeks has the change held?{optional ? ' (optional)' : ''}
      </label>
      {error ? (
        <p id="changeSustainedWeeks-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <div className="govuk-input__wrapper">
        <input
          className={`govuk-input govuk-input--width-3${error ? ' govuk-input--error' : ''}`}
          id="changeSustainedWeeks"
          name="changeSustainedWeeks"
          type="text"
          inputMode="numeric"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={error ? 'changeSustainedWeeks-error' : undefined}
        />
        <div className="govuk-input__suffix" aria-hidden="true">
          weeks
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Core group

export function CoreGroupPage() {
  return <StepPage title={STEP_TEXT['core-group']} whyNot={(ctx) => whyNot('core-group', ctx.casework)} render={(ctx) => <CoreGroupForm ctx={ctx} />} />;
}

function CoreGroupForm({ ctx }: { ctx: CaseContext }) {
  const plan = openProtectionPlan(ctx.episode);
  const step = useStep(ctx, { heldOn: 'heldOn-day', notes: 'notes' });
  const [heldOn, setHeldOn] = useState(dateParts(todayInEngland()));
  const [notes, setNotes] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'heldOn', heldOn, {
      what: 'the date of the meeting',
      label: 'The date',
      notBefore: plan ? { date: plan.startDate, what: `the start of the plan (${formatDate(plan.startDate)})` } : undefined,
    });
    const body = checkWith(newCoreGroup, { heldOn: date ?? undefined, notes: notes.trim() || null }, problems, {});
    step.submit(problems, body, (b) => api.casework.addCoreGroup(ctx.child.childId, b), 'Core group meeting recorded');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT['core-group']} errors={step.errors} busy={step.busy} submitText="Save core group" onSubmit={submit}>
      <DateInput name="heldOn" label="Date held" hint="For example, 27 3 2026" value={heldOn} onChange={setHeldOn} error={step.errors.fields.heldOn} />
      <Textarea
        name="notes"
        label="Notes (optional)"
        hint="Progress against the plan, and what each person will do next"
        value={notes}
        onChange={setNotes}
        error={step.errors.fields.notes}
      />
    </StepForm>
  );
}
