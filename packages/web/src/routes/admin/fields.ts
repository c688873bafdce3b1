/** The fields of the users' forms as data (the web app's form model): role, worker, sign-in. */
import { grantNeedsApproval, ROLES, type Role } from '@lantern/core/permissions';
import type { Worker } from '@lantern/core/views/workforce';
import type { FieldSpec } from '../../components/form-model.ts';

// A partner's login belongs to their organisation, which the partners' register sets up.
const ROLE_OPTIONS = Object.entries(ROLES)
  .filter(([value]) => value !== 'partner')
  .map(([value, label]) => ({ value, label }));

export const roleField: FieldSpec = { name: 'role', label: 'Role', kind: 'select', options: ROLE_OPTIONS, required: true, missing: 'Choose a role' };

export function workerField(workers: Worker[]): FieldSpec {
  return {
    name: 'workerId',
    label: 'Worker (optional)',
    hint: 'Link the login to a worker on the staff list: they then hold that worker’s cases and write as them.',
    kind: 'select',
    placeholder: 'Not linked to a worker',
    options: workers.map((w) => ({ value: w.workerId, label: `${w.name} – ${w.jobRoleLabel}${w.teamName ? `, ${w.teamName}` : ''}` })),
  };
}

export const newUserFields = (workers: Worker[]): FieldSpec[] => [
  { name: 'displayName', label: 'Full name', kind: 'text', required: true, missing: 'Enter their full name' },
  {
    name: 'username',
    label: 'Username',
    hint: '3 to 60 letters, digits, dots, dashes or underscores, like a.patel',
    kind: 'text',
    required: true,
    missing: 'Enter a username',
    width: 'govuk-input--width-20',
  },
  roleField,
  workerField(workers),
  {
    name: 'email',
    label: 'Email address (optional)',
    hint: 'The address the council’s identity provider knows them by, for signing in with the council account',
    kind: 'text',
  },
  newPassword(
    'password',
    'Password (optional when they sign in with the council account)',
    'At least 12 characters and hard to guess. Tell them it in person, not by email.',
  ),
];

/** A password the administrator sets for someone, kept as typed. */
export function newPassword(name: string, label: string, hint: string, missing?: string): FieldSpec {
  return {
    name,
    label,
    hint,
    kind: 'text',
    input: { type: 'password', autoComplete: 'new-password' },
    asTyped: true,
    ...(missing ? { required: true, missing } : {}),
  };
}

/** Whether a grant will wait for the head of service, said before it is asked for. */
export function approvalNote(role: string, workerId: string): string | null {
  if (!role && !workerId) return null;
  return grantNeedsApproval({ role: (role || null) as Role | null, workerId: workerId || null })
    ? 'This waits for the head of service’s approval: the account cannot sign in with it until then.'
    : null;
}
