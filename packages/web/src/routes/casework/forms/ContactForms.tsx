/** The front door: a contact, the decision on it, and a referral recorded directly. */
import { workApi } from '../../../api/work.ts';
import { useLoad } from '../../../hooks.ts';
import { useSession } from '../../../session.tsx';
import { PRIMARY_NEED, REFERRAL_SOURCE } from '@lantern/core/codes';
import { CONTACT_DECISION, contactDecision, newContact, newReferral } from '@lantern/core/pathway';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { EARLY_HELP_END } from '@lantern/core/early-help';
import type { CaseworkView } from '../../../api/types.ts';
import { api } from '../../../api/client.ts';
import { englandDateTime, englandTime, formatDate, formatDateTime, labelOf, parseTime, todayInEngland } from '../../../format.ts';
import { checkWith, type Problems } from '../../../components/forms.ts';
import { optionsOf } from '../../../components/form-model.ts';
import type { FieldSpec } from '../../../components/form-model.ts';
import { SummaryRow } from '../../../components/SummaryRow.tsx';
import { type CaseContext, StepForm, StepPage, StepSpecForm, stepDate, useStepFields } from '../StepPage.tsx';
import { STEP_TEXT, whyNot } from '../steps.ts';

const SOURCE_OPTIONS = optionsOf(REFERRAL_SOURCE);
const NEED_OPTIONS = optionsOf(PRIMARY_NEED);
/** The referral's primary need (CIN census), with what is said when it is not chosen. */
const primaryNeed = (missing: string): FieldSpec => ({
  name: 'primaryNeed',
  label: 'Primary need',
  hint: 'The main reason the child may need services (CIN census)',
  kind: 'select',
  options: NEED_OPTIONS,
  placeholder: 'Choose the primary need',
  required: true,
  missing,
});
type CaseworkContact = CaseworkView['contacts'][number];

// ---------------------------------------------------------------------------------------------
// Record a contact

export function ContactPage() {
  return <StepPage title={STEP_TEXT.contact} whyNot={(ctx) => whyNot('contact', ctx.casework)} render={(ctx) => <ContactForm ctx={ctx} />} />;
}

function ContactForm({ ctx }: { ctx: CaseContext }) {
  const form = useStepFields(
    ctx,
    [
      stepDate('receivedOn', 'Date received', 'the date the contact was received', 'The date received'),
      {
        name: 'receivedTime',
        label: 'Time received',
        hint: 'On the 24-hour clock, for example 09:30 or 14:05',
        kind: 'text',
        width: 'govuk-input--width-5',
        required: true,
        missing: 'Enter the time the contact was received',
      },
      {
        name: 'source',
        label: 'Who made the contact',
        kind: 'select',
        options: SOURCE_OPTIONS,
        placeholder: 'Choose who made the contact',
        required: true,
        missing: 'Choose who made the contact',
      },
      {
        name: 'presentingConcern',
        label: 'What is the concern?',
        hint: 'What the person making contact told you, in their words where you can',
        kind: 'textarea',
        required: true,
        missing: 'Enter what the concern is',
      },
      {
        name: 'significantHarmSuspected',
        label: 'Is significant harm suspected?',
        hint: 'If yes, a strategy discussion may be needed now, without waiting for an assessment',
        kind: 'yesno',
        required: true,
        missing: 'Say whether significant harm is suspected',
      },
    ],
    { receivedOn: todayInEngland(), receivedTime: englandTime() },
    { receivedAt: 'receivedOn' },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const { receivedOn, receivedTime, ...read } = form.read(problems);
    const time = typeof receivedTime === 'string' ? parseTime(receivedTime) : null;
    if (receivedTime && !time) problems.push(['receivedTime', 'Enter the time as hours and minutes on the 24-hour clock, for example 09:30 or 14:05']);
    const receivedAt = typeof receivedOn === 'string' && time ? englandDateTime(receivedOn, time.hours, time.minutes) : null;
    if (receivedAt && new Date(receivedAt).getTime() > Date.now() + 60_000) problems.push(['receivedTime', 'The time received must be now or in the past']);
    const body = checkWith(
      newContact,
      { ...read, receivedAt: receivedAt ?? undefined, significantHarmSuspected: read.significantHarmSuspected === true },
      problems,
      {
        receivedAt: 'Enter the date and time the contact was received',
        source: 'Choose who made the contact',
        presentingConcern: 'Enter what the concern is',
      },
    );
    form.submit(problems, body, (b) => api.casework.addContact(ctx.child.childId, b), 'Contact recorded. Decide what happens next within one working day.');
  };

  return (
    <StepForm ctx={ctx} title={STEP_TEXT.contact} errors={form.errors} busy={form.busy} submitText="Save contact" onSubmit={submit}>
      {form.render()}
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

/** The teams a referral may go to, each with its caseload now, for the front door to choose. */
function useRoutingTeams(may: boolean) {
  return useLoad(() => (may ? workApi.routingTeams() : Promise.resolve({ teams: [] })), may ? 'routing-teams' : 'none');
}

function ContactDecisionForm({ ctx, contactId }: { ctx: CaseContext; contactId: string }) {
  const contact = ctx.casework.contacts.find((c) => c.contactId === contactId);
  const mayRoute = useSession().can('case:route');
  const teams = useRoutingTeams(mayRoute);
  const openElsewhere = ctx.episode !== null;
  const form = useStepFields(
    ctx,
    [
      {
        name: 'decision',
        label: 'What happens with the contact?',
        legendClass: 'govuk-fieldset__legend--m',
        hint: openElsewhere ? 'The child already has an open child in need episode; a referral adds to it.' : undefined,
        kind: 'radios',
        options: [
          { value: 'nfa', label: CONTACT_DECISION.nfa },
          { value: 'early-help', label: CONTACT_DECISION['early-help'] },
          { value: 'referral', label: CONTACT_DECISION.referral, hint: 'Opens a child in need episode for an assessment' },
        ],
        required: true,
        missing: 'Choose what happens with the contact',
      },
      primaryNeed('Choose the primary need for the referral'),
      {
        name: 'teamId',
        label: 'Team the child goes to',
        hint: 'The team’s manager sees the child at once and allocates a social worker. Each team shows the children it holds now.',
        kind: 'select',
        options: (teams.data?.teams ?? []).map((t) => ({
          value: t.teamId,
          label: `${t.name} – ${t.caseload} ${t.caseload === 1 ? 'child' : 'children'}, ${t.awaitingAllocation} awaiting allocation`,
        })),
        placeholder: teams.data ? 'Choose the team' : 'Loading teams…',
        required: true,
        missing: 'Choose the team the child goes to',
      },
      stepDate(
        'decidedOn',
        'Date of the decision',
        'the date of the decision',
        'The date of the decision',
        contact ? { date: contact.receivedOn, what: `the date the contact was received (${formatDate(contact.receivedOn)})` } : undefined,
      ),
      {
        name: 'reasons',
        label: 'Reasons for the decision',
        hint: 'The decision and the reasons for it are recorded together',
        kind: 'textarea',
        required: true,
        missing: 'Enter the reasons for the decision',
      },
    ],
    { decidedOn: todayInEngland() },
    // A referral opens an episode dated the day of the decision: the server checks that date as the referral date.
    { referralDate: 'decidedOn' },
  );
  if (!contact) return null;
  const decision = form.values.decision as string;
  // The need and the team are asked only of a referral; the team only of those who route cases.
  const hidden = decision !== 'referral' ? ['primaryNeed', 'teamId'] : mayRoute ? [] : ['teamId'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = checkWith(contactDecision, form.read(problems, hidden), problems, {
      decision: 'Choose what happens with the contact',
      reasons: 'Enter the reasons for the decision',
      primaryNeed: 'Choose the primary need',
    });
    const team = teams.data?.teams.find((t) => t.teamId === form.values.teamId)?.name;
    const notice =
      decision === 'referral'
        ? `Referral recorded. The child now has an open child in need episode${team ? ` and goes to ${team}` : ''}.`
        : `Decision recorded: ${labelOf(CONTACT_DECISION, decision).toLowerCase()}.`;
    form.submit(problems, body, (b) => api.casework.decideContact(ctx.child.childId, contactId, b), notice);
  };

  return (
    <StepForm
      ctx={ctx}
      title={DECISION_TITLE}
      errors={form.errors}
      busy={form.busy}
      submitText="Save decision"
      onSubmit={submit}
      intro={
        <>
          {contact.earlyHelp ? <EarlyHelpNotice childId={ctx.child.childId} link={contact.earlyHelp} /> : null}
          <dl className="govuk-summary-list govuk-!-margin-bottom-6">
            <SummaryRow label="Received">{formatDateTime(contact.receivedAt)}</SummaryRow>
            <SummaryRow label="From">{labelOf(REFERRAL_SOURCE, contact.source)}</SummaryRow>
            <SummaryRow label="Concern" pre>
              {contact.presentingConcern}
            </SummaryRow>
            <SummaryRow label="Significant harm suspected">{contact.significantHarmSuspected ? 'Yes' : 'No'}</SummaryRow>
          </dl>
        </>
      }
    >
      {form.render(hidden)}
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

function ReferralForm({ ctx }: { ctx: CaseContext }) {
  const lastClosed = ctx.casework.episodes
    .map((e) => e.closureDate)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  return (
    <StepSpecForm
      ctx={ctx}
      title={STEP_TEXT.referral}
      submitText="Save referral"
      fields={[
        stepDate(
          'referralDate',
          'Referral date',
          'the referral date',
          'The referral date',
          lastClosed ? { date: lastClosed, what: `the day the last episode closed (${formatDate(lastClosed)})` } : undefined,
        ),
        {
          name: 'source',
          label: 'Who made the referral',
          kind: 'select',
          options: SOURCE_OPTIONS,
          placeholder: 'Choose who made the referral',
          required: true,
          missing: 'Choose who made the referral',
        },
        primaryNeed('Choose the primary need'),
      ]}
      initial={{ referralDate: todayInEngland() }}
      schema={newReferral}
      words={{ source: 'Choose who made the referral', primaryNeed: 'Choose the primary need' }}
      send={(b) => api.casework.addReferral(ctx.child.childId, b)}
      notice="Referral recorded. The child now has an open child in need episode."
      intro={<p className="govuk-body">Use this for a referral that did not come through a contact recorded in Lantern. It opens a child in need episode.</p>}
    />
  );
}
