/** The front door: a contact, the decision on it, and a referral recorded directly. */
import { workApi } from '../../../api/work.ts';
import { useLoad } from '../../../hooks.ts';
import { useSession } from '../../../session.tsx';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CONTACT_DECISION, contactDecision, newContact, newReferral } from '@lantern/core/pathway';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EARLY_HELP_END } from '@lantern/core/early-help';
import type { CaseworkView } from '../../../api/types.ts';
import { api } from '../../../api/client.ts';
import { DateInput, Radios, Select, Textarea, TextInput, YesNo } from '../../../components/fields.tsx';
import { dateParts, englandDateTime, englandTime, formatDate, formatDateTime, labelOf, parseTime, todayInEngland } from '../../../format.ts';
import { checkWith, optionsOf, type Problems, readDate } from '../../../components/forms.ts';
import { type CaseContext, StepForm, StepPage, useStep } from '../StepPage.tsx';
import { STEP_TEXT, whyNot } from '../steps.ts';

const SOURCE_OPTIONS = optionsOf(REFERRAL_SOURCE);
const NEED_OPTIONS = optionsOf(PRIMARY_NEED);
type CaseworkContact = CaseworkView['contacts'][number];

// ---------------------------------------------------------------------------------------------
// Record a contact

export function ContactPage() {
  return <StepPage title={STEP_TEXT.contact} whyNot={(ctx) => whyNot('contact', ctx.casework)} render={(ctx) => <ContactForm ctx={ctx} />} />;
}

const CONTACT_ANCHORS = {
  receivedAt: 'receivedOn-day',
  receivedOn: 'receivedOn-day',
  receivedTime: 'receivedTime',
  source: 'source',
  presentingConcern: 'presentingConcern',
  significantHarmSuspected: 'significantHarmSuspected',
};

function ContactForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, CONTACT_ANCHORS);
  const [receivedOn, setReceivedOn] = useState(dateParts(todayInEngland()));
  const [receivedTime, setReceivedTime] = useState(englandTime());
  const [source, setSource] = useState('');
  const [concern, setConcern] = useState('');
  const [harm, setHarm] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const date = readDate(problems, 'receivedOn', receivedOn, { what: 'the date the contact was received', label: 'The date received' });
    const time = parseTime(receivedTime);
    if (!receivedTime.trim()) problems.push(['receivedTime', 'Enter the time the contact was received']);
    else if (!time) problems.push(['receivedTime', 'Enter the time as hours and minutes on the 24-hour clock, for example 09:30 or 14:05']);
    const receivedAt = date && time ? englandDateTime(date, time.hours, time.minutes) : null;
    if (receivedAt && new Date(receivedAt).getTime() > Date.now() + 60_000) problems.push(['receivedTime', 'The time received must be now or in the past']);
    if (!source) problems.push(['source', 'Choose who made the contact']);
    if (!concern.trim()) problems.push(['presentingConcern', 'Enter what the concern is']);
    if (!harm) problems.push(['significantHarmSuspected', 'Say whether significant harm is suspected']);
    const body = checkWith(
      newContact,
      { receivedAt: receivedAt ?? undefined, source, presentingConcern: concern, significantHarmSuspected: harm === 'yes' },
      problems,
      { receivedAt: 'Enter the date and time the contact was received', source: 'Choose who made the contact', presentingConcern: 'Enter what the concern is' },
    );
    step.submit(problems, body, (b) => api.casework.addContact(ctx.child.childId, b), 'Contact recorded. Decide what happens next within one working day.');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT.contact} errors={step.errors} busy={step.busy} submitText="Save contact" onSubmit={submit}>
      <DateInput
        name="receivedOn"
        label="Date received"
        hint="For example, 27 3 2026"
        value={receivedOn}
        onChange={setReceivedOn}
        error={step.errors.fields.receivedOn ?? step.errors.fields.receivedAt}
      />
      <TextInput
        name="receivedTime"
        label="Time received"
        hint="On the 24-hour clock, for example 09:30 or 14:05"
        widthClass="govuk-input--width-5"
        value={receivedTime}
        onChange={setReceivedTime}
        error={step.errors.fields.receivedTime}
      />
      <Select
        name="source"
        label="Who made the contact"
        value={source}
        onChange={setSource}
        options={SOURCE_OPTIONS}
        placeholder="Choose who made the contact"
        error={step.errors.fields.source}
      />
      <Textarea
        name="presentingConcern"
        label="What is the concern?"
        hint="What the person making contact told you, in their words where you can"
        value={concern}
        onChange={setConcern}
        error={step.errors.fields.presentingConcern}
      />
      <YesNo
        name="significantHarmSuspected"
        label="Is significant harm suspected?"
        hint="If yes, a strategy discussion may be needed now, without waiting for an assessment"
        value={harm}
        onChange={setHarm}
        error={step.errors.fields.significantHarmSuspected}
      />
    </StepForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Decide a contact

const DECISION_TITLE = 'Decide what happens with the contact';

export function ContactDecisionPage() {
  const { contactId = '' } = useParams();
  return (
    <StepPage
      title={DECISION_TITLE}
      whyNot={(ctx) => {
        const contact = ctx.casework.contacts.find((c) => c.contactId === contactId);
        if (!contact) return 'There is no such contact for this child.';
        if (contact.decision) return `A decision was recorded on ${formatDate(contact.decidedOn)}: ${labelOf(CONTACT_DECISION, contact.decision)}.`;
        return ctx.casework.canRecord ? null : 'Your role does not include recording casework for this child.';
      }}
      render={(ctx) => <ContactDecisionForm ctx={ctx} contactId={contactId} />}
    />
  );
}

// A referral opens an episode dated the day of the decision: the server checks that date as the referral date.
const DECISION_ANCHORS = {
  decision: 'decision',
  decidedOn: 'decidedOn-day',
  referralDate: 'decidedOn-day',
  reasons: 'reasons',
  primaryNeed: 'primaryNeed',
  teamId: 'teamId',
};

/** The teams a referral may go to, each with its caseload now, for the front door to choose. */
function useRoutingTeams(may: boolean) {
  return useLoad(() => (may ? workApi.routingTeams() : Promise.resolve({ teams: [] })), may ? 'routing-teams' : 'none');
}

function ContactDecisionForm({ ctx, contactId }: { ctx: CaseContext; contactId: string }) {
  const contact = ctx.casework.contacts.find((c) => c.contactId === contactId);
  const step = useStep(ctx, DECISION_ANCHORS);
  const [decision, setDecision] = useState('');
  const [decidedOn, setDecidedOn] = useState(dateParts(todayInEngland()));
  const [reasons, setReasons] = useState('');
  const [primaryNeed, setPrimaryNeed] = useState('');
  const [teamId, setTeamId] = useState('');
  const mayRoute = useSession().can('case:route');
  const teams = useRoutingTeams(mayRoute);
  if (!contact) return null;
  const openElsewhere = ctx.episode !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (!decision) problems.push(['decision', 'Choose what happens with the contact']);
    const date = readDate(problems, 'decidedOn', decidedOn, {
      what: 'the date of the decision',
      label: 'The date of the decision',
      notBefore: { date: contact.receivedOn, what: `the date the contact was received (${formatDate(contact.receivedOn)})` },
    });
    if (!reasons.trim()) problems.push(['reasons', 'Enter the reasons for the decision']);
    if (decision === 'referral' && !primaryNeed) problems.push(['primaryNeed', 'Choose the primary need for the referral']);
    if (decision === 'referral' && mayRoute && !teamId) problems.push(['teamId', 'Choose the team the child goes to']);
    const body = checkWith(
      contactDecision,
      {
        decision,
        decidedOn: date ?? undefined,
        reasons,
        primaryNeed: decision === 'referral' ? primaryNeed || undefined : undefined,
        teamId: decision === 'referral' && teamId ? teamId : undefined,
      },
      problems,
      { decision: 'Choose what happens with the contact', reasons: 'Enter the reasons for the decision', primaryNeed: 'Choose the primary need' },
    );
    const team = teams.data?.teams.find((t) => t.teamId === teamId)?.name;
    const notice =
      decision === 'referral'
        ? `Referral recorded. The child now has an open child in need episode${team ? ` and goes to ${team}` : ''}.`
        : `Decision recorded: ${labelOf(CONTACT_DECISION, decision).toLowerCase()}.`;
    step.submit(problems, body, (b) => api.casework.decideContact(ctx.child.childId, contactId, b), notice);
  };

  return (
    <StepForm
      ctx={ctx}
      title={DECISION_TITLE}
      errors={step.errors}
      busy={step.busy}
      submitText="Save decision"
      onSubmit={submit}
      intro={
        <>
          {contact.earlyHelp ? <EarlyHelpNotice childId={ctx.child.childId} link={contact.earlyHelp} /> : null}
          <dl className="govuk-summary-list govuk-!-margin-bottom-6">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Received</dt>
              <dd className="govuk-summary-list__value">{formatDateTime(contact.receivedAt)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">From</dt>
              <dd className="govuk-summary-list__value">{labelOf(REFERRAL_SOURCE, contact.source)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Concern</dt>
              <dd className="govuk-summary-list__value lantern-pre-line">{contact.presentingConcern}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Significant harm suspected</dt>
              <dd className="govuk-summary-list__value">{contact.significantHarmSuspected ? 'Yes' : 'No'}</dd>
            </div>
          </dl>
        </>
      }
    >
      <Radios
        name="decision"
        label="What happens with the contact?"
        legendClass="govuk-fieldset__legend--m"
        hint={openElsewhere ? 'The child already has an open child in need episode; a referral adds to it.' : undefined}
        value={decision}
        onChange={setDecision}
        options={[
          { value: 'nfa', label: CONTACT_DECISION.nfa },
          { value: 'early-help', label: CONTACT_DECISION['early-help'] },
          { value: 'referral', label: CONTACT_DECISION.referral, hint: 'Opens a child in need episode for an assessment' },
        ]}
        error={step.errors.fields.decision}
      />
      {decision === 'referral' ? (
        <Select
          name="primaryNeed"
          label="Primary need"
          hint="The main reason the child may need services (CIN census)"
          value={primaryNeed}
          onChange={setPrimaryNeed}
          options={NEED_OPTIONS}
          placeholder="Choose the primary need"
          error={step.errors.fields.primaryNeed}
        />
      ) : null}
      {decision === 'referral' && mayRoute ? (
        <Select
          name="teamId"
          label="Team the child goes to"
          hint="The team’s manager sees the child at once and allocates a social worker. Each team shows the children it holds now."
          value={teamId}
          onChange={setTeamId}
          options={(teams.data?.teams ?? []).map((t) => ({
            value: t.teamId,
            label: `${t.name} – ${t.caseload} ${t.caseload === 1 ? 'child' : 'children'}, ${t.awaitingAllocation} awaiting allocation`,
          }))}
          placeholder={teams.data ? 'Choose the team' : 'Loading teams…'}
          error={step.errors.fields.teamId}
        />
      ) : null}
      <DateInput
        name="decidedOn"
        label="Date of the decision"
        hint="For example, 27 3 2026"
        value={decidedOn}
        onChange={setDecidedOn}
        error={step.errors.fields.decidedOn}
      />
      <Textarea
        name="reasons"
        label="Reasons for the decision"
        hint="The decision and the reasons for it are recorded together"
        value={reasons}
        onChange={setReasons}
        error={step.errors.fields.reasons}
      />
    </StepForm>
  );
}

/** The step-up: the child is in early help, or left it in the 12 months before this contact. */
function EarlyHelpNotice({ childId, link }: { childId: string; link: NonNullable<CaseworkContact['earlyHelp']> }) {
  return (
    <div className="govuk-inset-text" data-testid="early-help-notice">
      <h2 className="govuk-heading-s">
        {link.openThen ? `This child is in early help (since ${formatDate(link.startedOn)})` : `This child’s early help ended on ${formatDate(link.endedOn)}`}
      </h2>
      <p className="govuk-body">
        Lead professional: {link.leadProfessional ?? 'not named yet'}.
        {link.endOutcome ? ` Ended: ${labelOf(EARLY_HELP_END, link.endOutcome).toLowerCase()}.` : ''}
        {link.openThen ? ' A referral steps the child up to children’s social care and ends early help.' : ''}
      </p>
      <Link className="govuk-link" to={`/children/${childId}/early-help`}>
        Read the early help record
      </Link>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Record a referral directly

export function ReferralPage() {
  return <StepPage title={STEP_TEXT.referral} whyNot={(ctx) => whyNot('referral', ctx.casework)} render={(ctx) => <ReferralForm ctx={ctx} />} />;
}

const REFERRAL_ANCHORS = { referralDate: 'referralDate-day', source: 'source', primaryNeed: 'primaryNeed' };

function ReferralForm({ ctx }: { ctx: CaseContext }) {
  const step = useStep(ctx, REFERRAL_ANCHORS);
  const [referralDate, setReferralDate] = useState(dateParts(todayInEngland()));
  const [source, setSource] = useState('');
  const [primaryNeed, setPrimaryNeed] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const lastClosed = ctx.casework.episodes
      .map((e) => e.closureDate)
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    const date = readDate(problems, 'referralDate', referralDate, {
      what: 'the referral date',
      label: 'The referral date',
      notBefore: lastClosed ? { date: lastClosed, what: `the day the last episode closed (${formatDate(lastClosed)})` } : undefined,
    });
    if (!source) problems.push(['source', 'Choose who made the referral']);
    if (!primaryNeed) problems.push(['primaryNeed', 'Choose the primary need']);
    const body = checkWith(newReferral, { referralDate: date ?? undefined, source, primaryNeed }, problems, {
      source: 'Choose who made the referral',
      primaryNeed: 'Choose the primary need',
    });
    step.submit(problems, body, (b) => api.casework.addReferral(ctx.child.childId, b), 'Referral recorded. The child now has an open child in need episode.');
  };

  return (
    <StepForm
      ctx={ctx}
      title={STEP_TEXT.referral}
      errors={step.errors}
      busy={step.busy}
      submitText="Save referral"
      onSubmit={submit}
      intro={<p className="govuk-body">Use this for a referral that did not come through a contact recorded in Lantern. It opens a child in need episode.</p>}
    >
      <DateInput
        name="referralDate"
        label="Referral date"
        hint="For example, 27 3 2026"
        value={referralDate}
        onChange={setReferralDate}
        error={step.errors.fields.referralDate}
      />
      <Select
        name="source"
        label="Who made the referral"
        value={source}
        onChange={setSource}
        options={SOURCE_OPTIONS}
        placeholder="Choose who made the referral"
        error={step.errors.fields.source}
      />
      <Select
        name="primaryNeed"
        label="Primary need"
        hint="The main reason the child may need services (CIN census)"
        value={primaryNeed}
        onChange={setPrimaryNeed}
        options={NEED_OPTIONS}
        placeholder="Choose the primary need"
        error={step.errors.fields.primaryNeed}
      />
    </StepForm>
  );
}
