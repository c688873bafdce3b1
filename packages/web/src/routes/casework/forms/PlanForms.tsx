/** Visits, the child in need plan and its reviews, and closing the episode. */
import { CLOSURE_REASON, endCinPlan, episodeClosure, newCinPlan, newCinPlanReview, newVisit, VISIT_PURPOSE } from '@lantern/core/pathway';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDate, todayInEngland } from '../../../format.ts';
import { checkWith, type Problems } from '../../../components/forms.ts';
import { optionsOf } from '../../../components/form-model.ts';
import { type CaseContext, StepForm, StepPage, StepSpecForm, stepDate, useStepFields } from '../StepPage.tsx';
import { openCinPlan, openProtectionPlan, STEP_TEXT, whyNot } from '../steps.ts';
import { readWeeks, voiceFields, WeeksInput, weeksAndVoice } from './voice.tsx';

function sinceReferral(ctx: CaseContext) {
  return ctx.episode ? { date: ctx.episode.referralDate, what: `the referral date (${formatDate(ctx.episode.referralDate)})` } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Visit

export function VisitPage() {
  return <StepPage title={STEP_TEXT.visit} whyNot={(ctx) => whyNot('visit', ctx.casework)} render={(ctx) => <VisitForm ctx={ctx} />} />;
}

const today = () => todayInEngland();

function VisitForm({ ctx }: { ctx: CaseContext }) {
  const usual = openProtectionPlan(ctx.episode) ? 'child-protection' : openCinPlan(ctx.episode) ? 'child-in-need' : '';
  const form = useStepFields(
    ctx,
    [
      stepDate('visitedOn', 'Date of the visit', 'the date of the visit', 'The date of the visit'),
      { name: 'purpose', label: 'Kind of visit', kind: 'radios', options: optionsOf(VISIT_PURPOSE), required: true, missing: 'Choose the kind of visit' },
      { name: 'childSeen', label: 'Was the child seen?', kind: 'yesno', required: true, missing: 'Say whether the child was seen' },
      { name: 'seenAlone', label: 'Was the child seen alone?', kind: 'yesno', required: true, missing: 'Say whether the child was seen alone' },
      {
        name: 'childWords',
        label: 'The child’s own words',
        hint: 'What the child said about how things are and what they want, as they said it. For a child too young to say, what you saw of them: how they were, who they went to.',
        kind: 'textarea',
      },
    ],
    { visitedOn: today(), purpose: usual },
  );
  // Whether the child was seen alone is asked only of a child seen.
  const hidden = form.values.childSeen === 'yes' ? [] : ['seenAlone'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const read = form.read(problems, hidden);
    if (read.childSeen === true && !read.childWords)
      problems.push(['childWords', 'Record the child’s own words, or what you observed for a child too young to say']);
    const body = checkWith(newVisit, { ...read, seenAlone: read.childSeen === true ? read.seenAlone : false }, problems, {
      purpose: 'Choose the kind of visit',
    });
    form.submit(problems, body, (b) => api.casework.addVisit(ctx.child.childId, b), 'Visit recorded');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT.visit} errors={form.errors} busy={form.busy} submitText="Save visit" onSubmit={submit}>
      {form.render(hidden)}
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Child in need plan: start, review, end

export function CinPlanPage() {
  return <StepPage title={STEP_TEXT['cin-plan']} whyNot={(ctx) => whyNot('cin-plan', ctx.casework)} render={(ctx) => <CinPlanForm ctx={ctx} />} />;
}

function CinPlanForm({ ctx }: { ctx: CaseContext }) {
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT['cin-plan']}
      submitText="Start plan"
      fields={[stepDate('startDate', 'Start date', 'the date the plan started', 'The start date', sinceReferral(ctx))]}
      initial={{ startDate: today() }}
      schema={newCinPlan}
      send={(b) => api.casework.startCinPlan(ctx.child.childId, b)}
      notice="Child in need plan started"
    />
  );
}

export function CinPlanReviewPage() {
  return (
    <StepPage
      title={STEP_TEXT['cin-plan-review']}
      whyNot={(ctx) => whyNot('cin-plan-review', ctx.casework)}
      render={(ctx) => <CinPlanReviewForm ctx={ctx} />}
    />
  );
}

/** A date on the open child in need plan, which may not come before the plan began. */
function sincePlanStart(ctx: CaseContext) {
  const plan = openCinPlan(ctx.episode);
  return plan ? { date: plan.startDate, what: `the start of the plan (${formatDate(plan.startDate)})` } : undefined;
}

function CinPlanReviewForm({ ctx }: { ctx: CaseContext }) {
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT['cin-plan-review']}
      submitText="Save review"
      fields={[
        stepDate('heldOn', 'Date held', 'the date of the review', 'The date', sincePlanStart(ctx)),
        ...voiceFields('the person chairing the review', 'What the child said about the plan, as they said it'),
      ]}
      initial={{ heldOn: today() }}
      schema={newCinPlanReview}
      send={(b) => api.casework.reviewCinPlan(ctx.child.childId, b)}
      notice="Child in need plan review recorded"
    />
  );
}

export function CinPlanEndPage() {
  return <StepPage title={STEP_TEXT['cin-plan-end']} whyNot={(ctx) => whyNot('cin-plan-end', ctx.casework)} render={(ctx) => <CinPlanEndForm ctx={ctx} />} />;
}

function CinPlanEndForm({ ctx }: { ctx: CaseContext }) {
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT['cin-plan-end']}
      submitText="End plan"
      fields={[
        stepDate('endDate', 'End date', 'the date the plan ended', 'The end date', sincePlanStart(ctx)),
        { name: 'reasons', label: 'Why does the plan end?', kind: 'textarea', required: true, missing: 'Enter why the plan ends' },
      ]}
      initial={{ endDate: today() }}
      schema={endCinPlan}
      words={{ reasons: 'Enter why the plan ends' }}
      send={(b) => api.casework.endCinPlan(ctx.child.childId, b)}
      notice="Child in need plan ended"
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Closure: a manager's decision

export function ClosurePage() {
  return <StepPage title={STEP_TEXT.closure} whyNot={(ctx) => whyNot('closure', ctx.casework)} render={(ctx) => <ClosureForm ctx={ctx} />} />;
}

function ClosureForm({ ctx }: { ctx: CaseContext }) {
  const ep = ctx.episode;
  // After a protection plan the manager says what changed, and for how long it has held.
  const lastPlan = ep?.cpPlans.filter((p) => p.endDate).sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''))[0] ?? null;
  const afterPlan = !!ep?.cpPlans.length;
  const planEnded = lastPlan?.endDate ? { date: lastPlan.endDate, what: `the end of the protection plan (${formatDate(lastPlan.endDate)})` } : undefined;
  const form = useStepFields(
    ctx,
    [
      stepDate('closureDate', 'Closure date', 'the closure date', 'The closure date', planEnded ?? sinceReferral(ctx)),
      {
        name: 'reason',
        label: 'Reason for closure',
        kind: 'radios',
        options: optionsOf(CLOSURE_REASON),
        required: true,
        missing: 'Choose the reason for closure',
      },
      { name: 'reasons', label: 'Your reasons for closing', kind: 'textarea', required: true, missing: 'Enter your reasons for closing' },
      {
        name: 'whatChanged',
        label: afterPlan ? 'What has changed for the child?' : 'What has changed for the child? (optional)',
        hint: afterPlan ? 'Needed after a child protection plan: what is different in the child’s daily life' : undefined,
        kind: 'textarea',
        required: afterPlan,
        missing: 'Say what has changed for the child since the protection plan',
      },
      { name: 'changeSustainedWeeks', label: 'For how many weeks has the change held?', kind: 'custom' },
      ...voiceFields('you before you decided', 'What the child said about the help ending, as they said it', { heading: true }),
    ],
    { closureDate: today() },
  );
  const [weeks, setWeeks] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const { whatChanged, ...read } = form.read(problems);
    const sustained = readWeeks(problems, weeks, afterPlan);
    const body = checkWith(episodeClosure, { ...read, whatChanged: whatChanged ?? undefined, changeSustainedWeeks: sustained ?? undefined }, problems, {
      reason: 'Choose the reason for closure',
      reasons: 'Enter your reasons for closing',
    });
    form.submit(problems, body, (b) => api.casework.close(ctx.child.childId, b), 'Episode closed');
  };

  return (
    <StepForm
      ctx={ctx}
      title={STEP_TEXT.closure}
      errors={form.errors}
      busy={form.busy}
      submitText="Close episode"
      onSubmit={submit}
      intro={
        <>
          <p className="govuk-body">
            Closing ends the child in need episode that began with the referral on {formatDate(ep?.referralDate)}. This is a manager’s decision.
          </p>
          {lastPlan?.whatChanged ? (
            <div className="govuk-inset-text">
              When the protection plan ended on {formatDate(lastPlan.endDate)}, the conference recorded: “{lastPlan.whatChanged}”
              {lastPlan.changeSustainedWeeks !== null ? `, held for ${lastPlan.changeSustainedWeeks} weeks` : ''}.
            </div>
          ) : null}
        </>
      }
    >
      {form.render([], weeksAndVoice(<WeeksInput value={weeks} onChange={setWeeks} error={form.errors.fields.changeSustainedWeeks} optional={!afterPlan} />))}
    </StepForm>
  );
}
