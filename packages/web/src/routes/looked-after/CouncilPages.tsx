/** Council-wide looked-after pages: the providers register, the director's unregistered-placements list and the missing-children list. */
import { PLACEMENT_PROVIDER, PLACEMENT_TYPE, PROVIDER_KIND, REGISTRATION_STATUS } from '@lantern/core/looked-after';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { hasErrors } from '../../components/errors.ts';
import { Button, Select, TextInput } from '../../components/fields.tsx';
import { Loading, NotReady, ProblemPage } from '../../components/Notices.tsx';
import { formatDate, formatDateTime, labelOf } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { lookedAfterApi, options, sectionPath } from './api.ts';
import { RHI_STATE, Table } from './LookedAfterPage.tsx';
import { optionsOf } from '../../components/form-model.ts';

export function ProvidersPage() {
  const { can } = useSession();
  const list = useLoad(() => lookedAfterApi.providers(), 'providers');
  const { errors, busy, send } = useSend({
    name: 'name',
    urn: 'urn',
    providerKind: 'providerKind',
    registrationStatus: 'registrationStatus',
    registeredFor: 'registeredFor',
    postcode: 'postcode',
  });
  const [p, setP] = useState({ name: '', urn: '', providerKind: '', placeProvider: '', registrationStatus: '', registeredFor: '', postcode: '' });
  usePageTitle('Providers register', hasErrors(errors));
  const set = (k: keyof typeof p) => (v: string) => setP({ ...p, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    if (!p.name.trim()) problems.push(['name', 'Enter the provider’s name']);
    if (!p.providerKind) problems.push(['providerKind', 'Choose what kind of provider it is']);
    if (!p.registrationStatus) problems.push(['registrationStatus', 'Choose its Ofsted registration']);
    send(
      problems,
      () =>
        lookedAfterApi.addProvider({
          name: p.name.trim(),
          urn: p.urn.trim() || null,
          providerKind: p.providerKind,
          placeProvider: p.placeProvider || null,
          registrationStatus: p.registrationStatus,
          registeredFor: p.registeredFor ? [p.registeredFor] : [],
          postcode: p.postcode.trim() || null,
        }),
      () => {
        setP({ name: '', urn: '', providerKind: '', placeProvider: '', registrationStatus: '', registeredFor: '', postcode: '' });
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
            <TextInput name="name" label="Name" value={p.name} onChange={set('name')} error={errors.fields.name} />
            <TextInput name="urn" label="Ofsted URN" widthClass="govuk-input--width-10" value={p.urn} onChange={set('urn')} error={errors.fields.urn} />
            <Select
              name="providerKind"
              label="Kind of provider"
              value={p.providerKind}
              onChange={set('providerKind')}
              options={optionsOf(PROVIDER_KIND)}
              placeholder="Choose"
              error={errors.fields.providerKind}
            />
            <Select
              name="placeProvider"
              label="PLACE_PROVIDER"
              value={p.placeProvider}
              onChange={set('placeProvider')}
              options={options(PLACEMENT_PROVIDER)}
              placeholder="None"
            />
            <Select
              name="registrationStatus"
              label="Ofsted registration"
              value={p.registrationStatus}
              onChange={set('registrationStatus')}
              options={optionsOf(REGISTRATION_STATUS)}
              placeholder="Choose"
              error={errors.fields.registrationStatus}
            />
            <Select
              name="registeredFor"
              label="Registered for (placement type)"
              value={p.registeredFor}
              onChange={set('registeredFor')}
              options={options(PLACEMENT_TYPE)}
              placeholder="Nothing"
              error={errors.fields.registeredFor}
            />
            <TextInput
              name="postcode"
              label="Setting postcode"
              widthClass="govuk-input--width-10"
              value={p.postcode}
              onChange={set('postcode')}
              error={errors.fields.postcode}
            />
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
