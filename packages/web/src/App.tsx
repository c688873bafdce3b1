import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Notices.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { AddChildPage } from './routes/children/AddChildPage.tsx';
import { ChildPage } from './routes/children/ChildPage.tsx';
import { EditChildPage } from './routes/children/EditChildPage.tsx';
import { ChildPartnersPage } from './routes/partners/ChildPartnersPage.tsx';
import { PartnerAnswerPage, PartnerInboxPage } from './routes/partners/PartnerInboxPage.tsx';
import { HomePage, PartnersOverviewPage } from './routes/partners/PartnersOverviewPage.tsx';
import { RegisterPage } from './routes/partners/RegisterPage.tsx';
import { CinCensusPage } from './routes/returns/CinCensusPage.tsx';
import { Ssda903Page } from './routes/returns/Ssda903Page.tsx';
import { SignInPage } from './routes/session/SignInPage.tsx';
import { SignOutPage } from './routes/session/SignOutPage.tsx';
import { TeamPage } from './routes/teams/TeamPage.tsx';
import { TeamsPage } from './routes/teams/TeamsPage.tsx';
import { WorkPage } from './routes/work/WorkPage.tsx';
import { CareFormPage } from './routes/care/CareFormPage.tsx';
import { CareLeaversPage, UascListPage } from './routes/care/ListsPages.tsx';
import { LookedAfterCarePage } from './routes/care/LookedAfterCarePage.tsx';
import { SupervisionPage } from './routes/workforce/SupervisionPage.tsx';
import { WorkforcePage } from './routes/workforce/WorkforcePage.tsx';
import { ReturnsPage } from './routes/returns/ReturnsPage.tsx';
import { RequireSession, SessionProvider } from './session.tsx';

// The casework pages come in their own bundle, fetched the first time one is opened.
type CaseworkModule = typeof import('./routes/casework/index.ts');
const casework = (name: keyof CaseworkModule) => lazy(() => import('./routes/casework/index.ts').then((m) => ({ default: m[name] as ComponentType })));

const CaseworkPage = casework('CaseworkPage');
const ContactPage = casework('ContactPage');
const ContactDecisionPage = casework('ContactDecisionPage');
const ReferralPage = casework('ReferralPage');
const AssessmentStartPage = casework('AssessmentStartPage');
const AssessmentUpdatePage = casework('AssessmentUpdatePage');
const AssessmentAuthorisePage = casework('AssessmentAuthorisePage');
const StrategyDiscussionPage = casework('StrategyDiscussionPage');
const Section47Page = casework('Section47Page');
const Section47OutcomePage = casework('Section47OutcomePage');
const InitialConferencePage = casework('InitialConferencePage');
const ReviewConferencePage = casework('ReviewConferencePage');
const CoreGroupPage = casework('CoreGroupPage');
const VisitPage = casework('VisitPage');
const CinPlanPage = casework('CinPlanPage');
const CinPlanReviewPage = casework('CinPlanReviewPage');
const CinPlanEndPage = casework('CinPlanEndPage');
const ClosurePage = casework('ClosurePage');

type PerformanceModule = typeof import('./routes/performance/index.ts');
const performancePage = (name: keyof PerformanceModule) =>
  lazy(() => import('./routes/performance/index.ts').then((m) => ({ default: m[name] as ComponentType })));
const DashboardPage = performancePage('DashboardPage');
const IndicatorPage = performancePage('IndicatorPage');
const ChildrenBehindPage = performancePage('ChildrenBehindPage');
const ImprovementPage = performancePage('ImprovementPage');
const ActionPage = performancePage('ActionPage');
const BoardPackPage = performancePage('BoardPackPage');
// The looked-after pages, in their own bundle too.
type LookedAfterModule = typeof import('./routes/looked-after/LookedAfterPages.tsx');
const lac = (name: keyof LookedAfterModule) =>
  lazy(() => import('./routes/looked-after/LookedAfterPages.tsx').then((m) => ({ default: m[name] as ComponentType })));
const LookedAfterPage = lac('LookedAfterPage');
const StartCarePage = lac('StartCarePage');
const ChangeCarePage = lac('ChangeCarePage');
const CeaseCarePage = lac('CeaseCarePage');
const ApproveUnregisteredPage = lac('ApproveUnregisteredPage');
const LacVisitPage = lac('LacVisitPage');
const LacReviewPage = lac('LacReviewPage');
const MissingPage = lac('MissingPage');
const MissingReturnPage = lac('MissingReturnPage');
const ProvidersPage = lac('ProvidersPage');
const UnregisteredPlacementsPage = lac('UnregisteredPlacementsPage');
const MissingChildrenPage = lac('MissingChildrenPage');

function Lazy() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-out" element={<SignOutPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route path="work" element={<WorkPage />} />
              <Route path="returns/cin-census" element={<CinCensusPage />} />
              <Route path="returns/ssda903" element={<Ssda903Page />} />
              <Route path="children/new" element={<AddChildPage />} />
              <Route path="children/:childId" element={<ChildPage />} />
              <Route path="children/:childId/edit" element={<EditChildPage />} />
              <Route path="children/:childId" element={<Lazy />}>
                <Route path="casework" element={<CaseworkPage />} />
                <Route path="record/contact" element={<ContactPage />} />
                <Route path="record/contact/:contactId/decision" element={<ContactDecisionPage />} />
                <Route path="record/referral" element={<ReferralPage />} />
                <Route path="record/assessment" element={<AssessmentStartPage />} />
                <Route path="record/assessment/:assessmentId" element={<AssessmentUpdatePage />} />
                <Route path="record/assessment/:assessmentId/authorise" element={<AssessmentAuthorisePage />} />
                <Route path="record/strategy-discussion" element={<StrategyDiscussionPage />} />
                <Route path="record/section-47" element={<Section47Page />} />
                <Route path="record/section-47/:s47Id/outcome" element={<Section47OutcomePage />} />
                <Route path="record/initial-conference" element={<InitialConferencePage />} />
                <Route path="record/review-conference" element={<ReviewConferencePage />} />
                <Route path="record/core-group" element={<CoreGroupPage />} />
                <Route path="record/visit" element={<VisitPage />} />
                <Route path="record/cin-plan" element={<CinPlanPage />} />
                <Route path="record/cin-plan-review" element={<CinPlanReviewPage />} />
                <Route path="record/cin-plan-end" element={<CinPlanEndPage />} />
                <Route path="record/closure" element={<ClosurePage />} />
                <Route path="looked-after" element={<LookedAfterPage />} />
                <Route path="looked-after/start" element={<StartCarePage />} />
                <Route path="looked-after/change" element={<ChangeCarePage />} />
                <Route path="looked-after/cease" element={<CeaseCarePage />} />
                <Route path="looked-after/approve-unregistered" element={<ApproveUnregisteredPage />} />
                <Route path="looked-after/visit" element={<LacVisitPage />} />
                <Route path="looked-after/review" element={<LacReviewPage />} />
                <Route path="looked-after/missing" element={<MissingPage />} />
                <Route path="looked-after/missing/:missingId" element={<MissingReturnPage />} />
              </Route>
              <Route element={<Lazy />}>
                <Route path="providers" element={<ProvidersPage />} />
                <Route path="looked-after/unregistered" element={<UnregisteredPlacementsPage />} />
                <Route path="looked-after/missing" element={<MissingChildrenPage />} />
              </Route>
              <Route path="children/:childId/partners" element={<ChildPartnersPage />} />
              <Route path="partner" element={<PartnerInboxPage />} />
              <Route path="partner/requests/:requestId" element={<PartnerAnswerPage />} />
              <Route path="partners" element={<PartnersOverviewPage />} />
              <Route path="children/:childId/looked-after-care" element={<LookedAfterCarePage />} />
              <Route path="children/:childId/looked-after-care/record/:form" element={<CareFormPage />} />
              <Route path="uasc" element={<UascListPage />} />
              <Route path="returns" element={<ReturnsPage />} />
              <Route path="care-leavers" element={<CareLeaversPage />} />
              <Route path="partners/register" element={<RegisterPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route path="teams/:teamId" element={<TeamPage />} />
              <Route element={<Lazy />}>
                <Route path="performance" element={<DashboardPage />} />
                <Route path="performance/:indicatorId" element={<IndicatorPage />} />
                <Route path="performance/:indicatorId/children" element={<ChildrenBehindPage />} />
                <Route path="improvement" element={<ImprovementPage />} />
                <Route path="improvement/actions/:actionId" element={<ActionPage />} />
                <Route path="improvement/board-pack" element={<BoardPackPage />} />
              </Route>
              <Route path="workforce" element={<WorkforcePage />} />
              <Route path="workers/:workerId/supervision" element={<SupervisionPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
