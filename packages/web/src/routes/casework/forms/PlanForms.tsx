/** Visits, the child in need plan and its reviews, and closing the episode. */
import { CLOSURE_REASON, endCinPlan, episodeClosure, newCinPlan, newCinPlanReview, newVisit, VISIT_PURPOSE } from '@lantern/core/pathway';
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { DateInput, Radios, Textarea, YesNo } from '../../../components/fields.tsx';
import { dateParts, formatDate, todayInEngland } from '../../../format.ts';
import { checkWith, optionsOf, type Problems, readDate, readYesNo } from '../../../components/forms.ts';
import { type CaseContext, StepForm, StepPage, useStep } from '../StepPage.tsx';
import { openCinPlan, openProtectionPlan, STEP_TEXT, whyNot } from '../steps.ts';
import { readWeeks, WeeksInput } from './ProtectionForms.tsx';

function sinceReferral(ctx: CaseContext) {
  return ctx.episode ? { date: ctx.episode.referralDate, what: `the referral date (${formatDate(ctx.episode.referralDate)})` } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Visit

export function VisitPage() {
  return <StepPage title={STEP_TEXT.visit} whyNot={(ctx) => whyNot('visit', ctx.casework)} render={(ctx) => <VisitForm ctx={ctx} />} />;
}

const VISIT_ANCHORS = { visitedOn: 'visitedOn-day', purpose: 'purpose', childSeen: 'childSeen', seenAlone: 'seenAlone', childWords: 'childWords' };

function VisitForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, VISIT_ANCHORS);
  const usual = openProtectionPlan(ctx.episode) ? 'child-protection' : openCinPlan(ctx.episode) ? 'child-in-need' : '';
  const [visitedOn, setVisitedOn] = useState(dateParts(todayInEngland()));
  const [purpose, setPurpose] = useState(usual);
  const [childSeen, setChildSeen] = useState('');
  const [seenAlone, setSeenAlone] = useState('');
  const [childWords, setChildWords] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'visitedOn', visitedOn, { what: 'the date of the visit', label: 'The date of the visit' });
    if (!purpose) problems.push(['purpose', 'Choose the kind of visit']);
    const seen = readYesNo(problems, 'childSeen', childSeen, 'Say whether the child was seen');
    const alone = seen ? readYesNo(problems, 'seenAlone', seenAlone, 'Say whether the child was seen alone') : false;
    if (seen && !childWords.trim()) problems.push(['childWords', 'Record the child’s own words, or what you observed for a child too young to say']);
    const body = checkWith(
      newVisit,
      { visitedOn: date ?? undefined, purpose, childSeen: seen ?? undefined, seenAlone: alone ?? undefined, childWords: childWords.trim() || null },
      problems,
      { purpose: 'Choose the kind of visit' },
    );
    step.submit(problems, body, (b) => api.casework.addVisit(ctx.child.childId, b), 'Visit recorded');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT.visit} errors={step.errors} busy={step.busy} submitText="Save visit" onSubmit={submit}>
      <DateInput
        name="visitedOn"
        label="Date of the visit"
        hint="For example, 27 3 2026"
        value={visitedOn}
        onChange={setVisitedOn}
        error={step.errors.fields.visitedOn}
      />
      <Radios
        name="purpose"
        label="Kind of visit"
        value={purpose}
        onChange={setPurpose}
        options={optionsOf(VISIT_PURPOSE)}
        error={step.errors.fields.purpose}
      />
      <YesNo name="childSeen" label="Was the child seen?" value={childSeen} onChange={setChildSeen} error={step.errors.fields.childSeen} />
      {childSeen === 'yes' ? (
        <YesNo name="seenAlone" label="Was the child seen alone?" value={seenAlone} onChange={setSeenAlone} error={step.errors.fields.seenAlone} />
      ) : null}
      <Textarea
        name="childWords"
        label="The child’s own words"
        hint="What the child said about how things are and what they want, as they said it. For a child too young to say, what you saw of them: how they were, who they went to."
        value={childWords}
        onChange={setChildWords}
        error={step.errors.fields.childWords}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Child in need plan: start, review, end

export function CinPlanPage() {
  return <StepPage title={STEP_TEXT['cin-plan']} whyNot={(ctx) => whyNot('cin-plan', ctx.casework)} render={(ctx) => <CinPlanForm ctx={ctx} />} />;
}

function CinPlanForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, { startDate: 'startDate-day' });
  const [startDate, setStartDate] = useState(dateParts(todayInEngland()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'startDate', startDate, { what: 'the date the plan started', label: 'The start date', notBefore: sinceReferral(ctx) });
    const body = checkWith(newCinPlan, { startDate: date ?? undefined }, problems, {});
    step.submit(problems, body, (b) => api.casework.startCinPlan(ctx.child.childId, b), 'Child in need plan started');
  };
  return (
    <StepForm ctx={ctx} title={STEP_TEXT['cin-plan']} errors={step.errors} busy={step.busy} submitText="Start plan" onSubmit={submit}>
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

export function CinPlanReviewPage() {
  return (
    <StepPage
      title={STEP_TEXT['cin-plan-review']}
      whyNot={(ctx) => whyNot('cin-plan-review', ctx.casework)}
      render={(ctx) => <CinPlanReviewForm ctx={ctx} />}
    />
  );
}

function CinPlanReviewForm({ ctx }: { ctx: CaseContext }) {
  const plan = openCinPlan(ctx.episode);
  const step = useStep(ctx, { heldOn: 'heldOn-day', childMetDecider: 'childMetDecider', parentsMetDecider: 'parentsMetDecider', childWords: 'childWords' });
  const [heldOn, setHeldOn] = useState(dateParts(todayInEngland()));
  const [childMet, setChildMet] = useState('');
  const [parentsMet, setParentsMet] = useState('');
  const [childWords, setChildWords] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'heldOn', heldOn, {
      what: 'the date of the review',
      label: 'The date',
      notBefore: plan ? { date: plan.startDate, what: `the start of the plan (${formatDate(plan.startDate)})` } : undefined,
    });
    const childMetDecider = readYesNo(problems, 'childMetDecider', childMet, 'Say whether the child met the person chairing the review');
    const parentsMetDecider = readYesNo(problems, 'parentsMetDecider', parentsMet, 'Say whether the parents met the person chairing the review');
    const body = checkWith(
      newCinPlanReview,
      {
        heldOn: date ?? undefined,
        childMetDecider: childMetDecider ?? undefined,
        parentsMetDecider: parentsMetDecider ?? undefined,
        childWords: childWords.trim() || null,
      },
      problems,
      {},
    );
    step.submit(problems, body, (b) => api.casework.reviewCinPlan(ctx.child.childId, b), 'Child in need plan review recorded');
  };
  return (
    <StepForm ctx={ctx} title={STEP_TEXT['cin-plan-review']} errors={step.errors} busy={step.busy} submitText="Save review" onSubmit={submit}>
      <DateInput name="heldOn" label="Date held" hint="For example, 27 3 2026" value={heldOn} onChange={setHeldOn} error={step.errors.fields.heldOn} />
      <YesNo
        name="childMetDecider"
        label="Did the child meet the person chairing the review?"
        value={childMet}
        onChange={setChildMet}
        error={step.errors.fields.childMetDecider}
      />
      <YesNo
        name="parentsMetDecider"
        label="Did the parents meet the person chairing the review?"
        value={parentsMet}
        onChange={setParentsMet}
        error={step.errors.fields.parentsMetDecider}
      />
      <Textarea
        name="childWords"
        label="The child’s own words (optional)"
        hint="What the child said about the plan, as they said it"
        value={childWords}
        onChange={setChildWords}
        error={step.errors.fields.childWords}
      />
    </StepForm>
  );
}

export function CinPlanEndPage() {
  return <StepPage title={STEP_TEXT['cin-plan-end']} whyNot={(ctx) => whyNot('cin-plan-end', ctx.casework)} render={(ctx) => <CinPlanEndForm ctx={ctx} />} />;
}

function CinPlanEndForm({ ctx }: { ctx: CaseContext }) {
  const plan = openCinPlan(ctx.episode);
  const step = useStep(ctx, { endDate: 'endDate-day', reasons: 'reasons' });
  const [endDate, setEndDate] = useState(dateParts(todayInEngland()));
  const [reasons, setReasons] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'endDate', endDate, {
      what: 'the date the plan ended',
      label: 'The end date',
      notBefore: plan ? { date: plan.startDate, what: `the start of the plan (${formatDate(plan.startDate)})` } : undefined,
    });
    if (!reasons.trim()) problems.push(['reasons', 'Enter why the plan ends']);
    const body = checkWith(endCinPlan, { endDate: date ?? undefined, reasons }, problems, { reasons: 'Enter why the plan ends' });
    step.submit(problems, body, (b) => api.casework.endCinPlan(ctx.child.childId, b), 'Child in need plan ended');
  };
  return (
    <StepForm ctx={ctx} title={STEP_TEXT['cin-plan-end']} errors={step.errors} busy={step.busy} submitText="End plan" onSubmit={submit}>
      <DateInput name="endDate" label="End date" hint="For example, 27 3 2026" value={endDate} onChange={setEndDate} error={step.errors.fields.endDate} />
      <Textarea name="reasons" label="Why does the plan end?" value={reasons} onChange={setReasons} error={step.errors.fields.reasons} />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Closure: a manager's decision

export function ClosurePage() {
  return <StepPage title={STEP_TEXT.closure} whyNot={(ctx) => whyNot('closure', ctx.casework)} render={(ctx) => <ClosureForm ctx={ctx} />} />;
}

const CLOSURE_ANCHORS = {
  closureDate: 'closureDate-day',
  reason: 'reason',
  reasons: 'reasons',
  whatChanged: 'whatChanged',
  changeSustainedWeeks: 'changeSustainedWeeks',
  childMetDecider: 'childMetDecider',
  parentsMetDecider: 'parentsMetDecider',
  childWords: 'childWords',
};

function ClosureForm({ ctx }: { ctx: CaseContext }) {
  const ep = ctx.episode;
  // After a protection plan the manager says what changed, and for how long it has held.
  const lastPlan = ep?.cpPlans.filter((p) => p.endDate).sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''))[0] ?? null;
  const afterPlan = !!ep?.cpPlans.length;
  const step = useStep(ctx, CLOSURE_ANCHORS);
  const [closureDate, setClosureDate] = useState(dateParts(todayInEngland()));
  const [reason, setReason] = useState('');
  const [reasons, setReasons] = useState('');
  const [whatChanged, setWhatChanged] = useState('');
  const [weeks, setWeeks] = useState('');
  const [childMet, setChildMet] = useState('');
  const [parentsMet, setParentsMet] = useState('');
  const [childWords, setChildWords] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const planEnded = lastPlan?.endDate ? { date: lastPlan.endDate, what: `the end of the protection plan (${formatDate(lastPlan.endDate)})` } : undefined;
    const date = readDate(problems, 'closureDate', closureDate, {
      what: 'the closure date',
      label: 'The closure date',
      notBefore: planEnded ?? sinceReferral(ctx),
    });
    if (!reason) problems.push(['reason', 'Choose the reason for closure']);
    if (!reasons.trim()) problems.push(['reasons', 'Enter your reasons for closing']);
    if (afterPlan && !whatChanged.trim()) problems.push(['whatChanged', 'Say what has changed for the child since the protection plan']);
    const sustained = readWeeks(problems, weeks, afterPlan);
    const childMetDecider = readYesNo(problems, 'childMetDecider', childMet, 'Say whether the child met you before you decided');
    const parentsMetDecider = readYesNo(problems, 'parentsMetDecider', parentsMet, 'Say whether the parents met you before you decided');
    const body = checkWith(
      episodeClosure,
      {
        closureDate: date ?? undefined,
        reason,
        reasons,
        whatChanged: whatChanged.trim() || undefined,
        changeSustainedWeeks: sustained ?? undefined,
        childMetDecider: childMetDecider ?? undefined,
        parentsMetDecider: parentsMetDecider ?? undefined,
        childWords: childWords.trim() || null,
      },
      problems,
      { reason: 'Choose the reason for closure', reasons: 'Enter your reasons for closing' },
    );
    step.submit(problems, body, (b) => api.casework.close(ctx.child.childId, b), 'Episode closed');
  };

  return (
    <StepForm
      ctx={ctx}
      title={STEP_TEXT.closure}
      errors={step.errors}
      busy={step.busy}
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
      <DateInput
        name="closureDate"
        label="Closure date"
        hint="For example, 27 3 2026"
        value={closureDate}
        onChange={setClosureDate}
        error={step.errors.fields.closureDate}
      />
      <Radios
        name="reason"
        label="Reason for closure"
        value={reason}
        onChange={setReason}
        options={optionsOf(CLOSURE_REASON)}
        small
        error={step.errors.fields.reason}
      />
      <Textarea name="reasons" label="Your reasons for closing" value={reasons} onChange={setReasons} error={step.errors.fields.reasons} />
      <Textarea
        name="whatChanged"
        label={afterPlan ? 'What has changed for the child?' : 'What has changed for the child? (optional)'}
        hint={afterPlan ? 'Needed after a child protection plan: what is different in the child’s daily life' : undefined}
        value={whatChanged}
        onChange={setWhatChanged}
        error={step.errors.fields.whatChanged}
      />
      <WeeksInput value={weeks} onChange={setWeeks} error={step.errors.fields.changeSustainedWeeks} optional={!afterPlan} />
      <h2 className="govuk-heading-m">The child’s voice</h2>
      <YesNo
        name="childMetDecider"
        label="Did the child meet you before you decided?"
        value={childMet}
        onChange={setChildMet}
        error={step.errors.fields.childMetDecider}
      />
      <YesNo
        name="parentsMetDecider"
        label="Did the parents meet you before you decided?"
        value={parentsMet}
        onChange={setParentsMet}
        error={step.errors.fields.parentsMetDecider}
      />
      <Textarea
        name="childWords"
        label="The child’s own words (optional)"
        hint="What the child said about the help ending, as they said it"
        value={childWords}
        onChange={setChildWords}
        error={step.errors.fields.childWords}
      />
    </StepForm>
  );
}
