/** Child protection conferences (initial and review) and core groups. */
import { CATEGORY_OF_ABUSE, newConference, newCoreGroup } from '@lantern/core/pathway';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDate, labelOf, todayInEngland } from '../../../format.ts';
import { checkWith, comesBefore, type Problems } from '../../../components/forms.ts';
import { optionsOf } from '../../../components/form-model.ts';
import { type CaseContext, StepForm, StepPage, StepSpecForm, stepDate, useStepFields } from '../StepPage.tsx';
import { readWeeks, voiceFields, WeeksInput, weeksAndVoice } from './voice.tsx';
import { enquiriesAwaitingConference, openProtectionPlan, STEP_TEXT, whyNot } from '../steps.ts';

const CATEGORY_OPTIONS = optionsOf(CATEGORY_OF_ABUSE);

// ---------------------------------------------------------------------------------------------
// Conferences

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

function ConferenceForm({ ctx, kind }: { ctx: CaseContext; kind: 'initial' | 'review' }) {
  const enquiries = enquiriesAwaitingConference(ctx.episode);
  const plan = openProtectionPlan(ctx.episode);
  const title = STEP_TEXT[kind === 'initial' ? 'initial-conference' : 'review-conference'];
  const form = useStepFields(
    ctx,
    [
      {
        name: 's47Id',
        label: 'Following the section 47 enquiry',
        kind: 'radios',
        options: enquiries.map((e) => ({ value: e.s47Id, label: `Started ${formatDate(e.startDate)}, completed ${formatDate(e.completedOn)}` })),
        required: true,
        missing: 'Choose the section 47 enquiry the conference follows',
      },
      stepDate('heldOn', 'Date held', 'the date of the conference', 'The date'),
      {
        name: 'chair',
        label: 'Chair',
        hint: 'The name of the person who chaired it',
        kind: 'text',
        required: true,
        missing: 'Enter who chaired the conference',
      },
      {
        name: 'outcome',
        label: 'What did the conference decide?',
        kind: 'radios',
        options:
          kind === 'initial'
            ? [
                { value: 'plan', label: 'Child protection plan' },
                { value: 'no-plan', label: 'No child protection plan' },
              ]
            : [
                { value: 'continue-plan', label: 'The plan continues' },
                { value: 'end-plan', label: 'The plan ends' },
              ],
        required: true,
        missing: 'Choose what the conference decided',
      },
      {
        name: 'initialCategory',
        label: 'Category of abuse',
        hint: 'Use “Multiple” only when no single category is the main one',
        kind: 'radios',
        options: CATEGORY_OPTIONS,
        required: true,
        missing: 'Choose the category of abuse',
      },
      { name: 'latestCategory', label: 'Category of abuse now', kind: 'select', options: CATEGORY_OPTIONS },
      { name: 'endReason', label: 'Why does the plan end?', kind: 'textarea', rows: 3, required: true, missing: 'Say why the plan ends' },
      {
        name: 'whatChanged',
        label: 'What has changed for the child?',
        hint: 'What is different in the child’s daily life, not only what services were given',
        kind: 'textarea',
        required: true,
        missing: 'Say what has changed for the child',
      },
      { name: 'changeSustainedWeeks', label: 'For how many weeks has the change held?', kind: 'custom' },
      ...voiceFields('the chair', 'What the child said about their life and the plan, as they said it', {
        heading: true,
        childHint: 'Face to face, before or at the conference',
      }),
    ],
    { s47Id: enquiries.length === 1 ? enquiries[0]?.s47Id : '', heldOn: todayInEngland(), latestCategory: plan?.latestCategory },
  );
  const [weeks, setWeeks] = useState('');
  const outcome = form.values.outcome as string;
  const ending = kind === 'review' && outcome === 'end-plan';
  // Each question is asked only where it applies: the enquiry and first category of an initial
  // conference, the category now of a plan that continues, why and what changed of one that ends.
  const hidden = [
    ...(kind === 'initial' ? [] : ['s47Id']),
    ...(kind === 'initial' && outcome === 'plan' ? [] : ['initialCategory']),
    ...(kind === 'review' && outcome === 'continue-plan' ? [] : ['latestCategory']),
    ...(ending ? [] : ['endReason', 'whatChanged', 'changeSustainedWeeks']),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems, hidden);
    const lastConference = plan
      ? (ctx.episode?.conferences.filter((c) => c.planId === plan.planId).sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0]?.heldOn ?? plan.startDate)
      : null;
    const enquiry = enquiries.find((e) => e.s47Id === read.s47Id);
    const earliest =
      kind === 'initial'
        ? enquiry && { date: enquiry.startDate, what: `the start of the enquiry (${formatDate(enquiry.startDate)})` }
        : lastConference && { date: lastConference, what: `the last conference (${formatDate(lastConference)})` };
    if (typeof read.heldOn === 'string') comesBefore(problems, 'heldOn', read.heldOn, 'The date', earliest || undefined);
    const sustained = ending ? readWeeks(problems, weeks, true) : null;
    // The schema leaves out what does not apply: an empty answer is sent as nothing, not null.
    const given = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== null));
    const body = checkWith(newConference, { ...given, kind, changeSustainedWeeks: sustained ?? undefined, childWords: read.childWords ?? null }, problems, {
      outcome: 'Choose what the conference decided',
      chair: 'Enter who chaired the conference',
    });
    const notice =
      outcome === 'plan'
        ? `Initial conference recorded. ${ctx.name} is on a child protection plan (${labelOf(CATEGORY_OF_ABUSE, read.initialCategory as string).toLowerCase()}).`
        : outcome === 'end-plan'
          ? 'Review conference recorded. The child protection plan has ended.'
          : `${kind === 'initial' ? 'Initial' : 'Review'} conference recorded`;
    form.submit(problems, body, (b) => api.casework.addConference(ctx.child.childId, b), notice);
  };

  return (
    <StepForm
      ctx={ctx}
      title={title}
      errors={form.errors}
      busy={form.busy}
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
      {form.render(hidden, weeksAndVoice(<WeeksInput value={weeks} onChange={setWeeks} error={form.errors.fields.changeSustainedWeeks} />))}
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Core group

export function CoreGroupPage() {
  return <StepPage title={STEP_TEXT['core-group']} whyNot={(ctx) => whyNot('core-group', ctx.casework)} render={(ctx) => <CoreGroupForm ctx={ctx} />} />;
}

function CoreGroupForm({ ctx }: { ctx: CaseContext }) {
  const plan = openProtectionPlan(ctx.episode);
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT['core-group']}
      submitText="Save core group"
      fields={[
        stepDate(
          'heldOn',
          'Date held',
          'the date of the meeting',
          'The date',
          plan ? { date: plan.startDate, what: `the start of the plan (${formatDate(plan.startDate)})` } : undefined,
        ),
        { name: 'notes', label: 'Notes (optional)', hint: 'Progress against the plan, and what each person will do next', kind: 'textarea' },
      ]}
      initial={{ heldOn: todayInEngland() }}
      schema={newCoreGroup}
      send={(b) => api.casework.addCoreGroup(ctx.child.childId, b)}
      notice="Core group meeting recorded"
    />
  );
}
