import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Loading } from '../../components/Notices.tsx';
import { usePageTitle } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

/** Ends the session, then shows the sign-in page. */
export function SignOutPage() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const started = useRef(false);
  usePageTitle('Signing out');
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signOut()
      .catch(() => undefined)
      .finally(() => navigate('/sign-in', { replace: true, state: { signedOut: true } }));
  }, [signOut, navigate]);
  return <Loading />;
}
