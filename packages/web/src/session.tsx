/** Who is signed in: loaded once from GET /api/session, cleared on sign-out or any 401. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, api, onUnauthorised } from './api/client.ts';
import type { SessionUser } from './api/types.ts';
import { NotForYourRole } from './components/Notices.tsx';
import { mayOpen } from './pages.ts';

type SessionState = {
  /** undefined while the first check is under way; null when nobody is signed in. */
  user: SessionUser | null | undefined;
  /** Set when the first check failed for a reason other than "not signed in". */
  failure: string | undefined;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
  can(permission: string): boolean;
};

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Where sign-in sends the user back to: only a path inside Lantern. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-')) return '/';
  return value;
}

export function signInPath(returnTo: string): string {
  return returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('/');
  here.current = `${location.pathname}${location.search}`;

  useEffect(() => {
    let live = true;
    api.session.current().then(
      (s) => live && setUser(s.user),
      (e: unknown) => {
        if (!live) return;
        if (!(e instanceof ApiError && e.status === 401)) setFailure(e instanceof ApiError ? (e.problem.detail ?? e.problem.title) : String(e));
        setUser(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    onUnauthorised(() => {
      setUser(null);
      if (!here.current.startsWith('/sign-in')) navigate(signInPath(safeReturnTo(here.current)), { replace: true });
    });
    return () => onUnauthorised(null);
  }, [navigate]);

  const signedIn = useCallback((u: SessionUser) => {
    setFailure(undefined);
    setUser(u);
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api.session.signOut();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<SessionState>(
    () => ({ user, failure, signedIn, signOut, can: (p) => !!user?.permissions.includes(p) }),
    [user, failure, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The pages behind sign-in: sends anyone not signed in to the sign-in page and back again after. */
export function RequireSession() {
  const { user, can } = useSession();
  const location = useLocation();
  if (user === undefined) return <p className="govuk-body">Loading…</p>;
  if (user === null) return <Navigate to={signInPath(safeReturnTo(`${location.pathname}${location.search}`))} replace />;
  if (!mayOpen(location.pathname, can)) return <NotForYourRole />;
  return <Outlet />;
}
