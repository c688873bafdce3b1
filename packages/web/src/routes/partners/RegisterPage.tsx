/** The register of partner agencies: organisations, their named and escalation contacts, partner sign-ins. */
import { newPartnerContact, newPartnerOrganisation, newPartnerUser, PARTNER_TYPE } from '@lantern/core/partners';
import { type ComponentProps, useState } from 'react';
import type { z } from 'zod';
import { partnersApi } from '../../api/client.ts';
import type { FieldSpec } from '../../components/form-model.ts';
import { NotReady, SuccessBanner } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { SectionForm } from '../../components/SectionForm.tsx';
import type { PartnerOrganisation } from '@lantern/core/views/partners';
import { TableHead } from '../../components/TableHead.tsx';

const TYPE_OPTIONS = Object.entries(PARTNER_TYPE).map(([value, t]) => ({ value, label: t.label }));

export function RegisterPage() {
  const orgs = useLoad(() => partnersApi.organisations(), 'register');
  const { can } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle('Partner agencies register');
  if (orgs.problem || !orgs.data) return <NotReady problem={orgs.problem} />;
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

const ORGANISATION: FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'partnerType', label: 'Kind of agency', kind: 'select', options: TYPE_OPTIONS },
];

function AddOrganisation({ onSaved }: { onSaved: (notice: string) => void }) {
  return (
    <SectionForm
      section
      id="add-org"
      heading="Add an agency"
      idPrefix="org-"
      fields={ORGANISATION}
      schema={newPartnerOrganisation}
      words={{ name: 'Enter the agency’s name', partnerType: 'Choose the kind of agency' }}
      send={async (body) => {
        await partnersApi.addOrganisation(body);
        return `${body.name} added to the register.`;
      }}
      clear={['name']}
      onDone={onSaved}
      submit="Add agency"
    />
  );
}

type AgencyFormProps<S extends z.ZodType> = Omit<ComponentProps<typeof SectionForm<S>>, 'section' | 'send'> & {
  organisations: PartnerOrganisation[];
  send: (organisationId: string, body: z.output<S>) => Promise<string>;
};

/** A section form about one agency on the register (a contact, a sign-in): the agency is chosen first. */
function AgencyForm<S extends z.ZodType>({ organisations, fields, send, ...form }: AgencyFormProps<S>) {
  const agency: FieldSpec = {
    name: 'organisationId',
    label: 'Agency',
    kind: 'select',
    options: organisations.map((o) => ({ value: o.organisationId, label: o.name })),
    required: true,
    missing: 'Choose the agency',
  };
  return <SectionForm section fields={[agency, ...fields]} send={(body, read) => send(read.organisationId as string, body)} {...form} />;
}

const CONTACT: FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'jobTitle', label: 'Job title (optional)', kind: 'text' },
  {
    name: 'escalation',
    label: 'Escalation',
    kind: 'checkboxes',
    columns: false,
    options: [{ value: 'yes', label: 'Overdue requests to this agency are escalated to this person' }],
  },
];

function AddContact({ organisations, onSaved }: { organisations: PartnerOrganisation[]; onSaved: (notice: string) => void }) {
  return (
    <AgencyForm
      organisations={organisations}
      id="add-contact"
      heading="Add a contact"
      idPrefix="contact-"
      fields={CONTACT}
      schema={newPartnerContact}
      words={{ name: 'Enter the person’s name' }}
      body={(read) => ({ name: read.name, jobTitle: read.jobTitle, isEscalation: (read.escalation as string[]).includes('yes') })}
      send={async (organisationId, body) => {
        await partnersApi.addContact(organisationId, body);
        return `${body.name} added as a contact.`;
      }}
      clear={['name', 'jobTitle', 'escalation']}
      onDone={onSaved}
      submit="Add contact"
    />
  );
}

const PARTNER_USER: FieldSpec[] = [
  { name: 'username', label: 'Username', kind: 'text' },
  { name: 'displayName', label: 'Name', kind: 'text' },
  { name: 'password', label: 'Password', kind: 'text', input: { type: 'password' } },
];

function AddPartnerUser({ organisations, onSaved }: { organisations: PartnerOrganisation[]; onSaved: (notice: string) => void }) {
  return (
    <AgencyForm
      organisations={organisations}
      id="add-user"
      heading="Give someone at an agency a sign-in"
      idPrefix="user-"
      fields={PARTNER_USER}
      schema={newPartnerUser}
      words={{
        username: 'Enter a username of lower-case letters, digits, dots or dashes',
        displayName: 'Enter the person’s name',
        password: 'Enter a password of at least 12 characters',
      }}
      send={async (organisationId, body) => {
        await partnersApi.addPartnerUser(organisationId, body);
        return `${body.username} may now sign in and see the open requests to their agency.`;
      }}
      clear={['password']}
      onDone={onSaved}
      submit="Create sign-in"
    />
  );
}
