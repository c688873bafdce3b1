import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, problemOf } from '../../api/client.ts';
import type { Problem } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button } from '../../components/fields.tsx';
import { FormFields } from '../../components/FormFields.tsx';
import { anchorsFor, type FieldSpec, readValues } from '../../components/form-model.ts';
import { useFormValues } from '../../components/form-values.ts';
import type { Problems } from '../../components/forms.ts';
import { usePageTitle } from '../../hooks.ts';
import { safeReturnTo, useSession } from '../../session.tsx';

const WIDE = 'govuk-!-width-two-thirds';

/** The sign-in form as data: the council is asked only when it must be, a new password only when one is due. */
function signInFields(mustChange: boolean, councils: NonNullable<Problem['councils']>): FieldSpec[] {
  return [
    {
      name: 'username',
      label: 'Username',
      kind: 'text',
      width: WIDE,
      input: { autoComplete: 'username', spellCheck: false },
      required: true,
      missing: 'Enter your username',
    },
    {
      name: 'password',
      label: mustChange ? 'Temporary password' : 'Password',
      kind: 'text',
      width: WIDE,
      input: { type: 'password', autoComplete: 'current-password' },
      asTyped: true,
      required: true,
      missing: 'Enter your password',
    },
    {
      name: 'laCode',
      label: 'Which council are you signing in to?',
      hint: 'Your username is used in more than one council.',
      kind: 'radios',
      options: councils.map((c) => ({ value: c.laCode, label: c.name })),
      required: true,
      missing: 'Choose your council',
    },
    {
      name: 'newPassword',
      label: 'New password',
      hint: 'At least 12 characters. A few unrelated words make a good password; avoid common ones and your own name.',
      kind: 'text',
      width: WIDE,
      input: { type: 'password', autoComplete: 'new-password' },
      asTyped: true,
      required: true,
      missing: 'Choose a new password',
    },
  ];
}
const ANCHORS = anchorsFor([[signInFields(false, []), '']]);

/** Why the identity provider's sign-in did not end in a session, in words. */
const PROVIDER_ERRORS: Record<string, string> = {
  'not-known': 'Your council account is not set up for Lantern. Ask your Lantern administrator to add you.',
  ambiguous: 'Your council account matches more than one Lantern user. Ask your Lantern administrator to sort this out.',
  provider: 'Signing in with your council account did not work. Try again.',
  expired: 'Signing in took too long. Try again.',
};

type Options = Awaited<ReturnType<typeof api.session.options>>;

export function SignInPage() {
  // Asked only when the password is right in more than one council.
  const [councils, setCouncils] = useState<NonNullable<Problem['councils']>>([]);
  const [mustChange, setMustChange] = useState(false);
  const fields = signInFields(mustChange, councils);
  const form = useFormValues(fields);
  const hidden = [...(councils.length ? [] : ['laCode']), ...(mustChange ? [] : ['newPassword'])];
  const [options, setOptions] = useState<Options | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signedOut = (useLocation().state as { signedOut?: boolean } | null)?.signedOut;
  const providerError = PROVIDER_ERRORS[params.get('error') ?? ''];
  usePageTitle('Sign in', hasErrors(errors) || !!providerError);

  useEffect(() => {
    api.session
      .options()
      .then(setOptions)
      .catch(() => setOptions({ passwords: true, identityProvider: null }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Problems = [];
    const { username, password, laCode, newPassword } = readValues(
      fields.filter((f) => !hidden.includes(f.name)),
      form.values,
      missing,
    ) as Record<string, string | undefined>;
    if (missing.length || !username || !password) return setErrors(errorsFrom(missing, ANCHORS));
    setBusy(true);
    try {
      const { user } =
        mustChange && newPassword
          ? await api.session.changePassword({ username, password, newPassword, ...(laCode ? { laCode } : {}) })
          : await api.session.signIn(username, password, laCode);
      signedIn(user);
      navigate(safeReturnTo(params.get('returnTo')), { replace: true });
    } catch (error) {
      const problem = problemOf(error);
      const rule = problem.errors?.[0]?.rule;
      if (rule === 'council-required' && problem.councils?.length) {
        // The password was right: keep it, and ask which council.
        setCouncils(problem.councils);
        setErrors(NO_ERRORS);
      } else if (rule === 'password-change-required') {
        setMustChange(true);
        setErrors(errorsFrom([['newPassword', 'Your password was reset: choose a new one']], ANCHORS));
      } else {
        if (!mustChange && rule !== 'password-strength') form.set('password', '');
        setErrors(errorsFromProblem(problem, ANCHORS));
      }
      setBusy(false);
    }
  };

  const provider = options?.identityProvider;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={providerError && !hasErrors(errors) ? [{ text: providerError }] : errors.summary} />
        {signedOut && !hasErrors(errors) ? <p className="govuk-inset-text">You have signed out.</p> : null}
        <h1 className="govuk-heading-l">Sign in to Lantern</h1>
        {provider ? (
          <>
            <a href={provider.start} className="govuk-button" data-module="govuk-button">
              Sign in with {provider.name}
            </a>
            {options?.passwords ? <p className="govuk-body">Or sign in with a Lantern username and password.</p> : null}
          </>
        ) : null}
        {options && !options.passwords ? null : (
          <form onSubmit={submit} noValidate>
            <FormFields fields={fields} values={form.values} errors={errors.fields} onChange={form.set} hidden={hidden} />
            <Button busy={busy}>{mustChange ? 'Save password and sign in' : 'Sign in'}</Button>
          </form>
        )}
      </div>
    </div>
  );
}
