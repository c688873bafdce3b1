/** Council-wide looked-after pages: the providers register, the director's unregistered-placements list and the missing-children list. */
import { PLACEMENT_PROVIDER, PLACEMENT_TYPE, PROVIDER_KIND, REGISTRATION_STATUS } from '@lantern/core/looked-after';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { hasErrors } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading, NotReady, ProblemPage } from '../../components/Notices.tsx';
import { formatDate, formatDateTime, labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { lookedAfterApi, options, sectionPath } from './api.ts';
import { RHI_STATE, Table } from './LookedAfterPage.tsx';
import { anchorsFor, type FieldSpec, optionsOf, readValues } from '../../components/form-model.ts';

/** The providers register's form as data: what is asked, and the words when an answer is missing. */
const PROVIDER: FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text', required: true, missing: 'Enter the provider’s name' },
  { name: 'urn', label: 'Ofsted URN', kind: 'text', width: 'govuk-input--width-10' },
  {
    name: 'providerKind',
    label: 'Kind of provider',
    kind: 'select',
    options: optionsOf(PROVIDER_KIND),
    required: true,
    missing: 'Choose what kind of provider it is',
  },
  { name: 'placeProvider', label: 'PLACE_PROVIDER', kind: 'select', options: options(PLACEMENT_PROVIDER), placeholder: 'None' },
  {
    name: 'registrationStatus',
    label: 'Ofsted registration',
    kind: 'select',
    options: optionsOf(REGISTRATION_STATUS),
    required: true,
    missing: 'Choose its Ofsted registration',
  },
  { name: 'registeredFor', label: 'Registered for (placement type)', kind: 'select', options: options(PLACEMENT_TYPE), placeholder: 'Nothing' },
  { name: 'postcode', label: 'Setting postcode', kind: 'text', width: 'govuk-input--width-10' },
];

export function ProvidersPage() {
  const { can } = useSession();
  const list = useLoad(() => lookedAfterApi.providers(), 'providers');
  const { errors, busy, send } = useSend(anchorsFor([[PROVIDER, '']]));
  const form = useFormValues(PROVIDER);
  usePageTitle('Providers register', hasErrors(errors));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const read = readValues(PROVIDER, form.values, problems, { emptyAsNull: true });
    send(
      problems,
      () => lookedAfterApi.addProvider({ ...read, registeredFor: read.registeredFor ? [read.registeredFor] : [] }),
      () => {
        form.clear(PROVIDER.map((f) => f.name));
        list.reload();
      },
    );
  };
  if (list.problem && !list.data) return <ProblemPage problem={list.problem} />;
  return (
    <>
      <h1 className="govuk-heading-l">Providers register</h1>
      {list.data ? (
        <Table
          testId="providers"
          head={['Provider', 'Ofsted URN', 'Kind', 'Registration', 'Registered for']}
          rows={list.data.providers.map((x) => [
            x.name,
            x.urn ?? '',
            labelOf(PROVIDER_KIND, x.providerKind),
            labelOf(REGISTRATION_STATUS, x.registrationStatus),
            (x.registeredFor as string[]).join(', '),
          ])}
        />
      ) : (
        <Loading />
      )}
      {can('provider:manage') ? (
        <div className="govuk-grid-row">
          <form className="govuk-grid-column-two-thirds" onSubmit={submit} noValidate>
            <h2 className="govuk-heading-m">Add a provider</h2>
            <ErrorSummary items={errors.summary} />
            <FormFields fields={PROVIDER} values={form.values} errors={errors.fields} onChange={form.set} />
            <Button busy={busy}>Add provider</Button>
          </form>
        </div>
      ) : null}
    </>
  );
}

export function UnregisteredPlacementsPage() {
  const list = useLoad(() => lookedAfterApi.unregistered(), 'unregistered');
  usePageTitle('Children placed with unregistered providers');
  if (list.problem || !list.data) return <NotReady problem={list.problem} />;
  return (
    <>
      <h1 className="govuk-heading-l">Children placed with unregistered providers</h1>
      <p className="govuk-body">Every child placed now with a provider not registered for the care it gives, until the placement ends.</p>
      <Table
        testId="unregistered-placements"
        head={['Child', 'Provider', 'Placed', 'Approved', 'Last visit', 'Next visit due']}
        rows={list.data.placements.map((x) => [
          <Link key="c" className="govuk-link" to={sectionPath(x.childId)}>
            {x.childName}
          </Link>,
          `${x.providerName} (${labelOf(PLACEMENT_TYPE, x.placementType)})`,
          `${formatDate(x.placedOn)} (${x.daysPlaced} days)`,
          `${formatDate(x.approvedOn)} by ${x.approvedBy}`,
          formatDate(x.lastVisit) || 'None',
          `${formatDate(x.nextVisitDue)}${x.visitOverdue ? ' – overdue' : ''}`,
        ])}
      />
    </>
  );
}

export function MissingChildrenPage() {
  const list = useLoad(() => lookedAfterApi.missingChildren(), 'missing');
  usePageTitle('Missing children');
  if (list.problem || !list.data) return <NotReady problem={list.problem} />;
  const d = list.data;
  const link = (x: { childId: string; childName: string }) => (
    <Link key="child" className="govuk-link" to={sectionPath(x.childId)}>
      {x.childName}
    </Link>
  );
  return (
    <>
      <h1 className="govuk-heading-l">Missing children</h1>
      <h2 className="govuk-heading-m">Missing now</h2>
      <Table
        testId="missing-now"
        head={['Child', 'Since', 'Social worker']}
        rows={d.missingNow.map((x) => [link(x), formatDateTime(x.startedAt), x.socialWorker ?? 'Unallocated'])}
      />
      <h2 className="govuk-heading-m">Return home interviews not offered within 72 hours</h2>
      <Table
        testId="rhi-not-in-time"
        head={['Child', 'Returned', 'Due by', 'State']}
        rows={d.rhiNotInTime.map((x) => [link(x), formatDateTime(x.endedAt), formatDateTime(x.rhiDueAt), RHI_STATE[x.rhiState] ?? x.rhiState])}
      />
      <h2 className="govuk-heading-m">
        Repeated episodes ({d.repeatSetting.episodes} or more in {d.repeatSetting.days} days)
      </h2>
      <Table testId="repeat-flags" head={['Child', 'Episodes', 'Manager']} rows={d.repeatFlags.map((x) => [link(x), String(x.episodes), x.manager ?? ''])} />
      <h2 className="govuk-heading-m">Recent episodes</h2>
      <Table
        testId="recent-missing"
        head={['Child', 'Went', 'Returned', 'Interview']}
        rows={d.recent.map((x) => [link(x), formatDateTime(x.startedAt), formatDateTime(x.endedAt) || 'Still missing', RHI_STATE[x.rhiState] ?? x.rhiState])}
      />
    </>
  );
}
