import { type FormEvent, type MouseEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, problemOf } from '../../api/client.ts';
import type { ChildChangesBody, ChildRecord, Problem } from '../../api/types.ts';
import { errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { FormShell } from '../../components/FormPage.tsx';
import { NoAccess, NotReady } from '../../components/Notices.tsx';
import { fullName } from '../../format.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { ChildDetailsFields, type ChildForm, type ChildValues, childAnchors, formFromChild, readChildForm } from './ChildDetailsFields.tsx';

/** Only what changed, with the version the form was filled from. */
function changesOf(child: ChildRecord, values: ChildValues): ChildChangesBody {
  const body: ChildChangesBody = { version: child.version };
  for (const key of Object.keys(values) as Array<keyof ChildValues>) {
    if ((values[key] ?? null) !== (child[key] ?? null)) (body as Record<string, unknown>)[key] = values[key];
  }
  // A UPN given now replaces the reason it was unknown.
  if (body.upn && child.upnUnknown) body.upnUnknown = null;
  return body;
}

function isEditConflict(problem: Problem) {
  return problem.status === 409 && (problem.title === 'Edit conflict' || !!problem.errors?.some((e) => e.rule === 'stale-version'));
}

/** Change a child's name, date of birth, sex, ethnicity, UPN or NHS number. */
export function EditChildPage() {
  const { childId = '' } = useParams();
  const navigate = useNavigate();
  const record = useLoad(() => api.children.get(childId), childId);
  const [form, setForm] = useState<ChildForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const child = record.data?.child;
  // Stable, so the summary takes focus once when the conflict appears, not on every keystroke.
  const conflictItems = useMemo(() => (conflict ? [{ text: conflict }] : []), [conflict]);
  usePageTitle(child ? `Edit details of ${fullName(child)}` : 'Edit details', hasErrors(errors) || !!conflict);

  // Fill the form from each (re)load of the record.
  useEffect(() => {
    if (child) setForm(formFromChild(child));
  }, [child]);

  if (record.problem || !record.data || !child || !form) return <NotReady problem={record.problem} what="child" />;
  if (!record.data.canUpdate) {
    return (
      <NoAccess title={`Edit details of ${fullName(child)}`}>
        Only the team holding this child’s case can change their details.{' '}
        <Link className="govuk-link" to={`/children/${child.childId}`}>
          Back to {fullName(child)}’s record
        </Link>
      </NoAccess>
    );
  }

  const reload = (event: MouseEvent) => {
    event.preventDefault();
    setConflict(null);
    setErrors(NO_ERRORS);
    record.reload();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConflict(null);
    const read = readChildForm(form);
    if ('errors' in read) return setErrors(read.errors);
    const body = changesOf(child, read.values);
    if (Object.keys(body).length === 1) {
      navigate(`/children/${child.childId}`, { state: { notice: 'Nothing was changed' } });
      return;
    }
    setBusy(true);
    try {
      await api.children.update(child.childId, body);
      navigate(`/children/${child.childId}`, { state: { notice: 'Details saved' } });
    } catch (error) {
      const problem = problemOf(error);
      if (isEditConflict(problem)) {
        setErrors(NO_ERRORS);
        setConflict(problem.detail ?? 'Someone else changed this record since you opened it. Reload it and make your change again.');
      } else {
        setErrors(errorsFromProblem(problem, childAnchors(form)));
      }
      setBusy(false);
    }
  };

  return (
    <FormShell
      title={`Edit details of ${fullName(child)}`}
      caption={child.laChildId}
      back={{ to: `/children/${child.childId}`, hidden: `to ${fullName(child)}’s record` }}
      errors={conflict ? { ...errors, summary: conflictItems } : errors}
      summaryExtra={
        conflict ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`/children/${child.childId}/edit`} onClick={reload}>
              Reload the record
            </a>{' '}
            to see the latest details. The changes you made here are not saved.
          </p>
        ) : null
      }
      busy={busy}
      submit="Save changes"
      onSubmit={submit}
    >
      <ChildDetailsFields form={form} onChange={setForm} errors={errors} />
    </FormShell>
  );
}
