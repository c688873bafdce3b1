import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, problemOf } from '../../api/client.ts';
import type { Problem } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, Radios, TextInput } from '../../components/fields.tsx';
import { usePageTitle } from '../../hooks.ts';
import { safeReturnTo, useSession } from '../../session.tsx';

const ANCHORS = { username: 'username', password: 'password', laCode: 'laCode', newPassword: 'newPassword' };

/** Why the identity provider's sign-in did not end in a session, in words. */
const PROVIDER_ERRORS: Record<string, string> = {
  'not-known': 'Your council account is not set up for Lantern. Ask your Lantern administrator to add you.',
  ambiguous: 'Your council account matches more than one Lantern user. Ask your Lantern administrator to sort this out.',
  provider: 'Signing in with your council account did not work. Try again.',
  expired: 'Signing in took too long. Try again.',
};

type Options = Awaited<ReturnType<typeof api.session.options>>;

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  // Asked only when the password is right in more than one council.
  const [councils, setCouncils] = useState<NonNullable<Problem['councils']>>([]);
  const [laCode, setLaCode] = useState('');
  const [mustChange, setMustChange] = useState(false);
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
    const missing: Array<[string, string]> = [];
    if (!username.trim()) missing.push(['username', 'Enter your username']);
    if (!password) missing.push(['password', 'Enter your password']);
    if (councils.length && !laCode) missing.push(['laCode', 'Choose your council']);
    if (mustChange && !newPassword) missing.push(['newPassword', 'Choose a new password']);
    if (missing.length) return setErrors(errorsFrom(missing, ANCHORS));
    setBusy(true);
    try {
      const council = laCode || undefined;
      const { user } = mustChange
        ? await api.session.changePassword({ username: username.trim(), password, newPassword, ...(council ? { laCode: council } : {}) })
        : await api.session.signIn(username.trim(), password, council);
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
        if (!mustChange && rule !== 'password-strength') setPassword('');
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
            <TextInput
              name="username"
              label="Username"
              value={username}
              onChange={setUsername}
              autoComplete="username"
              spellCheck={false}
              error={errors.fields.username}
              widthClass="govuk-!-width-two-thirds"
            />
            <TextInput
              name="password"
              label={mustChange ? 'Temporary password' : 'Password'}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              error={errors.fields.password}
              widthClass="govuk-!-width-two-thirds"
            />
            {councils.length ? (
              <Radios
                name="laCode"
                label="Which council are you signing in to?"
                hint="Your username is used in more than one council."
                value={laCode}
                onChange={setLaCode}
                options={councils.map((c) => ({ value: c.laCode, label: c.name }))}
                error={errors.fields.laCode}
              />
            ) : null}
            {mustChange ? (
              <TextInput
                name="newPassword"
                label="New password"
                hint="At least 12 characters. A few unrelated words make a good password; avoid common ones and your own name."
                type="password"
                value={newPassword}
                onChange={setNewPassword}
                autoComplete="new-password"
                error={errors.fields.newPassword}
                widthClass="govuk-!-width-two-thirds"
              />
            ) : null}
            <Button busy={busy}>{mustChange ? 'Save password and sign in' : 'Sign in'}</Button>
          </form>
        )}
      </div>
    </div>
  );
}
