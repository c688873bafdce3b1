/** Adding a user: their name, username, role, the worker they are (if any) and how they sign in. */
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { accessApi } from '../../api/access.ts';
import { anchorsFor, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import { FormFields } from '../../components/FormFields.tsx';
import { type Problems, useSend } from '../../components/forms.ts';
import { NotReady } from '../../components/Notices.tsx';
import { useLoad } from '../../hooks.ts';
import { FormPage } from '../looked-after/FormPage.tsx';
import { approvalNote, newUserFields } from './fields.ts';

export function AddUserPage() {
  const navigate = useNavigate();
  const workers = useLoad(() => accessApi.workers(), 'workers');
  const fields = newUserFields(workers.data?.workers ?? []);
  const { values, set } = useFormValues(fields);
  const { errors, busy, send } = useSend(anchorsFor([[fields, '']]));
  if (workers.problem || !workers.data) return <NotReady problem={workers.problem} />;
  const note = approvalNote(values.role as string, values.workerId as string);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems = [];
    const body = readValues(fields, values, problems);
    if (body.password === undefined && !body.email) problems.push(['password', 'Enter a password, or an email for signing in with the council account']);
    send(
      problems,
      () => accessApi.addUser(body),
      () =>
        navigate('/users', {
          state: {
            notice: note
              ? `${body.displayName} was added. The head of service has been asked to approve their role.`
              : `${body.displayName} was added and can sign in.`,
          },
        }),
    );
  };
  return (
    <FormPage title="Add a user" errors={errors} busy={busy} submit="Add user" onSubmit={submit} back="/users">
      <FormFields fields={fields} values={values} errors={errors.fields} onChange={set} />
      {note ? (
        <div className="govuk-inset-text" data-testid="approval-note">
          {note}
        </div>
      ) : null}
    </FormPage>
  );
}
