/** The register of partner agencies: organisations, their named and escalation contacts, partner sign-ins. */
import { newPartnerContact, newPartnerOrganisation, newPartnerUser, PARTNER_TYPE } from '@lantern/core/partners';
import { type FormEvent, useState } from 'react';
import { partnersApi } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, Checkboxes, Select, TextInput } from '../../components/fields.tsx';
import { Loading, ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { checkWith, type Problems, useSend } from '../../components/forms.ts';
import type { PartnerOrganisation } from '@lantern/core/views/partners';
import { TableHead } from '../../components/TableHead.tsx';

const TYPE_OPTIONS = Object.entries(PARTNER_TYPE).map(([value, t]) => ({ value, label: t.label }));

export function RegisterPage() {
  const orgs = useLoad(() => partnersApi.organisations(), 'register');
  const { can } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle('Partner agencies register');
  if (orgs.problem) return <ProblemPage problem={orgs.problem} />;
  if (!orgs.data) return <Loading />;
  const saved = (text: string) => {
    setNotice(text);
    orgs.reload();
  };
  return (
    <>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Partner agencies register</h1>
      <table className="govuk-table" data-testid="register">
        <caption className="govuk-table__caption govuk-visually-hidden">Partner agencies and their contacts</caption>
        <TableHead columns={['Agency', 'Type', 'Contacts']} />
        <tbody className="govuk-table__body">
          {orgs.data.organisations.map((o) => (
            <tr className="govuk-table__row" key={o.organisationId}>
              <td className="govuk-table__cell">{o.name}</td>
              <td className="govuk-table__cell">{o.typeLabel}</td>
              <td className="govuk-table__cell">
                {o.contacts.map((c) => `${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}${c.isEscalation ? ' (escalation)' : ''}`).join('; ') || 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('partner:manage') ? (
        <>
          <AddOrganisation onSaved={saved} />
          <AddContact organisations={orgs.data.organisations} onSaved={saved} />
        </>
      ) : null}
      {can('user:manage') ? <AddPartnerUser organisations={orgs.data.organisations} onSaved={saved} /> : null}
    </>
  );
}

function AddOrganisation({ onSaved }: { onSaved: (notice: string) => void }) {
  const [name, setName] = useState('');
  const [partnerType, setPartnerType] = useState('');
  const form = useSend({ name: 'org-name', partnerType: 'org-type' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    const body = checkWith(newPartnerOrganisation, { name, partnerType }, problems, {
      name: 'Enter the agency’s name',
      partnerType: 'Choose the kind of agency',
    });
    form.send(
      problems,
      // A body is null only when its check found problems.
      () => partnersApi.addOrganisation(body!),
      () => {
        setName('');
        onSaved(`${name} added to the register.`);
      },
    );
  };
  return (
    <section aria-labelledby="add-org" className="lantern-section">
      <h2 className="govuk-heading-m" id="add-org">
        Add an agency
      </h2>
      <ErrorSummary items={form.errors.summary} />
      <form onSubmit={submit} noValidate>
        <TextInput name="org-name" label="Name" value={name} onChange={setName} error={form.errors.fields.name} />
        <Select
          name="org-type"
          label="Kind of agency"
          value={partnerType}
          onChange={setPartnerType}
          options={TYPE_OPTIONS}
          placeholder="Choose"
          error={form.errors.fields.partnerType}
        />
        <Button busy={form.busy}>Add agency</Button>
      </form>
    </section>
  );
}

function AddContact({ organisations, onSaved }: { organisations: PartnerOrganisation[]; onSaved: (notice: string) => void }) {
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [escalation, setEscalation] = useState<string[]>([]);
  const form = useSend({ organisationId: 'contact-org', name: 'contact-name', jobTitle: 'contact-title' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (!organisationId) problems.push(['organisationId', 'Choose the agency']);
    const body = checkWith(newPartnerContact, { name, jobTitle: jobTitle || null, isEscalation: escalation.includes('yes') }, problems, {
      name: 'Enter the person’s name',
    });
    form.send(
      problems,
      // A body is null only when its check found problems.
      () => partnersApi.addContact(organisationId, body!),
      () => {
        setName('');
        setJobTitle('');
        setEscalation([]);
        onSaved(`${name} added as a contact.`);
      },
    );
  };
  return (
    <section aria-labelledby="add-contact" className="lantern-section">
      <h2 className="govuk-heading-m" id="add-contact">
        Add a contact
      </h2>
      <ErrorSummary items={form.errors.summary} />
      <form onSubmit={submit} noValidate>
        <Select
          name="contact-org"
          label="Agency"
          value={organisationId}
          onChange={setOrganisationId}
          options={organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
          placeholder="Choose"
          error={form.errors.fields.organisationId}
        />
        <TextInput name="contact-name" label="Name" value={name} onChange={setName} error={form.errors.fields.name} />
        <TextInput name="contact-title" label="Job title (optional)" value={jobTitle} onChange={setJobTitle} />
        <Checkboxes
          name="contact-escalation"
          label="Escalation"
          values={escalation}
          onChange={setEscalation}
          options={[{ value: 'yes', label: 'Overdue requests to this agency are escalated to this person' }]}
          small
        />
        <Button busy={form.busy}>Add contact</Button>
      </form>
    </section>
  );
}

function AddPartnerUser({ organisations, onSaved }: { organisations: PartnerOrganisation[]; onSaved: (notice: string) => void }) {
  const [organisationId, setOrganisationId] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const form = useSend({ organisationId: 'user-org', username: 'user-username', displayName: 'user-name', password: 'user-password' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Problems = [];
    if (!organisationId) problems.push(['organisationId', 'Choose the agency']);
    const body = checkWith(newPartnerUser, { username, displayName, password }, problems, {
      username: 'Enter a username of lower-case letters, digits, dots or dashes',
      displayName: 'Enter the person’s name',
      password: 'Enter a password of at least 12 characters',
    });
    form.send(
      problems,
      // A body is null only when its check found problems.
      () => partnersApi.addPartnerUser(organisationId, body!),
      () => {
        setPassword('');
        onSaved(`${username} may now sign in and see the open requests to their agency.`);
      },
    );
  };
  return (
    <section aria-labelledby="add-user" className="lantern-section">
      <h2 className="govuk-heading-m" id="add-user">
        Give someone at an agency a sign-in
      </h2>
      <ErrorSummary items={form.errors.summary} />
      <form onSubmit={submit} noValidate>
        <Select
          name="user-org"
          label="Agency"
          value={organisationId}
          onChange={setOrganisationId}
          options={organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
          placeholder="Choose"
          error={form.errors.fields.organisationId}
        />
        <TextInput name="user-username" label="Username" value={username} onChange={setUsername} error={form.errors.fields.username} />
        <TextInput name="user-name" label="Name" value={displayName} onChange={setDisplayName} error={form.errors.fields.displayName} />
        <TextInput name="user-password" label="Password" type="password" value={password} onChange={setPassword} error={form.errors.fields.password} />
        <Button busy={form.busy}>Create sign-in</Button>
      </form>
    </section>
  );
}
