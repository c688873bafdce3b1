import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, problemOf } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorsFrom, errorsFromProblem, type FormErrors, hasErrors, NO_ERRORS } from '../../components/errors.ts';
import { Button, TextInput } from '../../components/fields.tsx';
import { usePageTitle } from '../../hooks.ts';
import { safeReturnTo, useSession } from '../../session.tsx';

const ANCHORS = { username: 'username', password: 'password' };

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signedOut = (useLocation().state as { signedOut?: boolean } | null)?.signedOut;
  usePageTitle('Sign in', hasErrors(errors));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Array<[string, string]> = [];
    if (!username.trim()) missing.push(['username', 'Enter your username']);
    if (!password) missing.push(['password', 'Enter your password']);
    if (missing.length) return setErrors(errorsFrom(missing, ANCHORS));
    setBusy(true);
    try {
      const { user } = await api.session.signIn(username.trim(), password);
      signedIn(user);
      navigate(safeReturnTo(params.get('returnTo')), { replace: true });
    } catch (error) {
      setPassword('');
      setErrors(errorsFromProblem(problemOf(error), ANCHORS));
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        {signedOut && !hasErrors(errors) ? <p className="govuk-inset-text">You have signed out.</p> : null}
        <h1 className="govuk-heading-l">Sign in to Lantern</h1>
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
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={errors.fields.password}
            widthClass="govuk-!-width-two-thirds"
          />
          <Button busy={busy}>Sign in</Button>
        </form>
      </div>
    </div>
  );
}
