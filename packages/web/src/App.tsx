import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { AddChildPage } from './routes/children/AddChildPage.tsx';
import { ChildPage } from './routes/children/ChildPage.tsx';
import { EditChildPage } from './routes/children/EditChildPage.tsx';
import { FindChildPage } from './routes/children/FindChildPage.tsx';
import { SignInPage } from './routes/session/SignInPage.tsx';
import { SignOutPage } from './routes/session/SignOutPage.tsx';
import { TeamPage } from './routes/teams/TeamPage.tsx';
import { TeamsPage } from './routes/teams/TeamsPage.tsx';
import { RequireSession, SessionProvider } from './session.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-out" element={<SignOutPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<FindChildPage />} />
              <Route path="children/new" element={<AddChildPage />} />
              <Route path="children/:childId" element={<ChildPage />} />
              <Route path="children/:childId/edit" element={<EditChildPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route path="teams/:teamId" element={<TeamPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
