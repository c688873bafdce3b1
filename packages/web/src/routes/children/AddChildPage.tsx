import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, problemOf } from '../../api/client.ts';
import type { PossibleMatch } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { NoAccess } from '../../components/Notices.tsx';
import { fullName } from '../../format.ts';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import { ChildDetailsFields, type ChildForm, type ChildValues, childAnchors, EMPTY_CHILD_FORM, readChildForm } from './ChildDetailsFields.tsx';
import { PossibleMatches } from './PossibleMatches.tsx';

/**
 * Add a child in two steps: the details, then (if anyone already recorded may be this child)
 * the possible matches, to open one of them or confirm this is a different child.
 */
export function AddChildPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<ChildForm>(EMPTY_CHILD_FORM);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [matches, setMatches] = useState<{ values: ChildValues; matches: PossibleMatch[] } | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(matches ? 'People already recorded who may be this child' : 'Add a child', hasErrors(errors));

  if (!can('child:create')) {
    return <NoAccess title="Add a child">Your role does not include adding children to Lantern.</NoAccess>;
  }

  const create = async (values: ChildValues, confirmNotDuplicate: boolean) => {
    setBusy(true);
    try {
      const { child } = await api.children.create({ ...values, confirmNotDuplicate });
      navigate(`/children/${child.childId}`, { state: { notice: `${fullName(child)} has been added (LA child id ${child.laChildId})` } });
    } catch (error) {
      const problem = problemOf(error);
      if (error instanceof ApiError && problem.possibleMatches?.length) {
        setErrors(NO_ERRORS);
        setMatches({ values, matches: problem.possibleMatches });
      } else {
        setMatches(null);
        setErrors(errorsFromProblem(problem, childAnchors(form)));
      }
      setBusy(false);
    }
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const read = readChildForm(form);
    if ('errors' in read) return setErrors(read.errors);
    const values = read.values;
    setBusy(true);
    try {
      const found = await api.children.possibleMatches({
        givenName: values.givenName,
        familyName: values.familyName,
        dateOfBirth: values.dateOfBirth ?? values.expectedDateOfBirth ?? undefined,
        upn: values.upn ?? undefined,
        nhsNumber: values.nhsNumber ?? undefined,
      });
      if (found.matches.length) {
        setErrors(NO_ERRORS);
        setMatches({ values, matches: found.matches });
        setBusy(false);
        return;
      }
    } catch (error) {
      setErrors(errorsFromProblem(problemOf(error), childAnchors(form)));
      setBusy(false);
      return;
    }
    await create(values, false);
  };

  if (matches) {
    return (
      <PossibleMatches
        name={fullName(matches.values)}
        matches={matches.matches}
        busy={busy}
        onBack={() => setMatches(null)}
        onConfirm={() => create(matches.values, true)}
      />
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">Step 1 of 2: Check for existing records</span>
        <h1 className="govuk-heading-l">Add a child</h1>
        <p className="govuk-body">Enter what you know. When you continue, Lantern checks whether the child, or someone who may be them, is already recorded.</p>
        <form onSubmit={check} noValidate>
          <ChildDetailsFields form={form} onChange={setForm} errors={errors} />
          <Button busy={busy}>Continue</Button>
        </form>
      </div>
    </div>
  );
}
