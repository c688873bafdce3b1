/**
 * One user, for the administrator: who they are in Lantern, changing their role or worker (which
 * may wait for the head of service), and their account — unlock, a temporary password, disable.
 */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { accessApi, type UserView } from '../../api/access.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button } from '../../components/fields.tsx';
import { anchorsFor, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { NotReady, ProblemPage, SuccessBanner } from '../../components/Notices.tsx';
import { useLoad, usePageTitle } from '../../hooks.ts';
import type { Worker } from '@lantern/core/views/workforce';
import { approvalNote, newPassword, roleField, workerField } from './fields.ts';
import { AccountStatus } from './status.tsx';
import { SummaryRow as Row } from '../../components/SummaryRow.tsx';

export function UserPage() {
  const { userId = '' } = useParams();
  const users = useLoad(() => accessApi.users(), userId);
  const workers = useLoad(() => accessApi.workers(), 'workers');
  const [notice, setNotice] = useState<string | null>(null);
  const user = users.data?.users.find((u) => u.userId === userId);
  usePageTitle(user?.displayName ?? 'User');
  if (users.problem) return <ProblemPage problem={users.problem} what="user" />;
  if (workers.problem || !users.data || !workers.data) return <NotReady problem={workers.problem} />;
  if (!user) return <ProblemPage problem={{ status: 404, title: 'Not found' }} what="user" />;
  const done = (text: string) => {
    setNotice(text);
    users.reload();
  };
  const worker = workers.data.workers.find((w) => w.workerId === user.workerId);
  return (
    <>
      <Link className="govuk-back-link" to="/users">
        Users and access
      </Link>
      {notice ? <SuccessBanner>{notice}</SuccessBanner> : null}
      <span className="govuk-caption-l">{user.username}</span>
      <h1 className="govuk-heading-l">{user.displayName}</h1>
      <dl className="govuk-summary-list">
        <Row label="Role">{user.roleLabel}</Row>
        <Row label="Worker">{worker ? `${worker.name} – ${worker.jobRoleLabel}` : 'Not linked to a worker'}</Row>
        <Row label="Email address">{user.email ?? 'None'}</Row>
        <Row label="Account">
          <AccountStatus user={user} />
        </Row>
      </dl>
      {user.awaitingApproval ? (
        <div className="govuk-inset-text">This account waits for the head of service to approve its role or worker. It cannot sign in until then.</div>
      ) : null}
      <ChangeGrant key={`${user.role}-${user.workerId}`} user={user} workers={workers.data.workers} done={done} />
      <AccountActions user={user} done={done} />
    </>
  );
}

function ChangeGrant({ user, workers, done }: { user: UserView; workers: Worker[]; done: (notice: string) => void }) {
  const fields = [roleField, workerField(workers)];
  const { values, set } = useFormValues(fields, { role: user.role, workerId: user.workerId });
  const { errors, busy, send } = useSend(anchorsFor([[fields, '']]));
  const role = values.role as string;
  const workerId = values.workerId as string;
  const changed = { ...(role !== user.role ? { role } : {}), ...(workerId !== (user.workerId ?? '') ? { workerId: workerId || null } : {}) };
  const note = approvalNote(changed.role ?? '', changed.workerId ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    readValues(fields, values, problems);
    if (!problems.length && !Object.keys(changed).length) problems.push(['role', 'Choose a different role or worker']);
    send(
      problems,
      () => accessApi.changeUser(user.userId, changed),
      () => done(note ? 'The change was sent to the head of service for approval.' : 'The role and worker were changed. Their sessions have ended.'),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2 className="govuk-heading-m">Role and worker</h2>
      <ErrorSummary items={errors.summary} />
      <FormFields fields={fields} values={values} errors={errors.fields} onChange={set} />
      {note ? <div className="govuk-inset-text">{note}</div> : null}
      <Button busy={busy}>Change role or worker</Button>
    </form>
  );
}

const TEMPORARY_PASSWORD = [
  newPassword(
    'temporaryPassword',
    'Temporary password',
    'They must replace it when they next sign in. At least 12 characters; tell them it in person.',
    'Enter a temporary password',
  ),
];

function AccountActions({ user, done }: { user: UserView; done: (notice: string) => void }) {
  const form = useFormValues(TEMPORARY_PASSWORD);
  const { errors, busy, send } = useSend(anchorsFor([[TEMPORARY_PASSWORD, '']]));
  const act = (action: 'disable' | 'enable' | 'unlock', notice: string) =>
    send(
      [],
      () => accessApi.act(user.userId, action),
      () => done(notice),
    );
  const reset = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const body = readValues(TEMPORARY_PASSWORD, form.values, problems);
    send(
      problems,
      () => accessApi.act(user.userId, 'password-reset', body),
      () => {
        form.clear(['temporaryPassword']);
        done(`${user.displayName} must choose a new password when they next sign in. Their sessions have ended.`);
      },
    );
  };
  return (
    <>
      <h2 className="govuk-heading-m">Signing in</h2>
      <ErrorSummary items={errors.summary} />
      {user.locked ? (
        <>
          <p className="govuk-body">This account is locked after repeated failed sign-ins.</p>
          <Button secondary busy={busy} type="button" onClick={() => act('unlock', `${user.displayName} can sign in again.`)}>
            Unlock account
          </Button>
        </>
      ) : null}
      <form onSubmit={reset} noValidate>
        <FormFields fields={TEMPORARY_PASSWORD} values={form.values} errors={errors.fields} onChange={form.set} />
        <Button secondary busy={busy}>
          Reset password
        </Button>
      </form>
      <h2 className="govuk-heading-m">{user.disabled ? 'Enable account' : 'Disable account'}</h2>
      {user.disabled ? (
        <Button busy={busy} type="button" onClick={() => act('enable', `${user.displayName} can sign in again.`)}>
          Enable account
        </Button>
      ) : (
        <>
          <p className="govuk-body">A disabled account cannot sign in, and its sessions end at once. Its records and history stay.</p>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={busy}
            onClick={() => act('disable', `${user.displayName} can no longer sign in. Their sessions have ended.`)}
          >
            Disable account
          </button>
        </>
      )}
    </>
  );
}
