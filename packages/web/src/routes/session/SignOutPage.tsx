import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { Loading } from '../../components/Notices.tsx';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

/** Ends the session (with ?everywhere, every session of the user), then shows the sign-in page. */
export function SignOutPage() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const started = useRef(false);
  const everywhere = useSearchParams()[0].has('everywhere');
  usePageTitle('Signing out');
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (everywhere ? api.session.signOutEverywhere().catch(() => undefined) : Promise.resolve())
      .then(() => signOut())
      .catch(() => undefined)
      .finally(() => navigate('/sign-in', { replace: true, state: { signedOut: true } }));
  }, [signOut, navigate, everywhere]);
  return <Loading />;
}
