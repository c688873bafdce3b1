import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Notices.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { SignInPage } from './routes/session/SignInPage.tsx';
import { SignOutPage } from './routes/session/SignOutPage.tsx';
import { RequireSession, SessionProvider } from './session.tsx';

/**
 * Every page but signing in and out is fetched the first time it is opened, so the first load
 * carries only the shell; Layout shows "Loading…" meanwhile.
 */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}
const AddChildPage = page(() => import('./routes/children/AddChildPage.tsx'), 'AddChildPage');
const ChildPage = page(() => import('./routes/children/ChildPage.tsx'), 'ChildPage');
const HistoryPage = page(() => import('./routes/children/HistoryPage.tsx'), 'HistoryPage');
const EditChildPage = page(() => import('./routes/children/EditChildPage.tsx'), 'EditChildPage');
const ChildPartnersPage = page(() => import('./routes/partners/ChildPartnersPage.tsx'), 'ChildPartnersPage');
const PartnerAnswerPage = page(() => import('./routes/partners/PartnerInboxPage.tsx'), 'PartnerAnswerPage');
const PartnerInboxPage = page(() => import('./routes/partners/PartnerInboxPage.tsx'), 'PartnerInboxPage');
// Everyone lands on what to do next for their role; finding a child has its own page.
const HomePage = page(() => import('./routes/work/LandingPage.tsx'), 'LandingPage');
const FindChildPage = page(() => import('./routes/children/FindChildPage.tsx'), 'FindChildPage');
const PartnersOverviewPage = page(() => import('./routes/partners/PartnersOverviewPage.tsx'), 'PartnersOverviewPage');
const RegisterPage = page(() => import('./routes/partners/RegisterPage.tsx'), 'RegisterPage');
const CinCensusPage = page(() => import('./routes/returns/CinCensusPage.tsx'), 'CinCensusPage');
const Ssda903Page = page(() => import('./routes/returns/Ssda903Page.tsx'), 'Ssda903Page');
const TeamPage = page(() => import('./routes/teams/TeamPage.tsx'), 'TeamPage');
const TeamsPage = page(() => import('./routes/teams/TeamsPage.tsx'), 'TeamsPage');
const WorkPage = page(() => import('./routes/work/WorkPage.tsx'), 'WorkPage');
const WorkFormPage = page(() => import('./routes/work/WorkFormPage.tsx'), 'WorkFormPage');
const CareFormPage = page(() => import('./routes/care/CareFormPage.tsx'), 'CareFormPage');
const CareLeaversPage = page(() => import('./routes/care/ListsPages.tsx'), 'CareLeaversPage');
const UascListPage = page(() => import('./routes/care/ListsPages.tsx'), 'UascListPage');
const LookedAfterCarePage = page(() => import('./routes/care/LookedAfterCarePage.tsx'), 'LookedAfterCarePage');
const LegalPage = page(() => import('./routes/legal/LegalPage.tsx'), 'LegalPage');
const LegalFormPage = page(() => import('./routes/legal/LegalFormPage.tsx'), 'LegalFormPage');
const EarlyHelpPage = page(() => import('./routes/early-help/EarlyHelpPage.tsx'), 'EarlyHelpPage');
const EarlyHelpFormPage = page(() => import('./routes/early-help/EarlyHelpFormPage.tsx'), 'EarlyHelpFormPage');
const FosteringPage = page(() => import('./routes/fostering/FosteringPage.tsx'), 'FosteringPage');
const HouseholdPage = page(() => import('./routes/fostering/HouseholdPage.tsx'), 'HouseholdPage');
const FosteringFormPage = page(() => import('./routes/fostering/FosteringFormPage.tsx'), 'FosteringFormPage');
const NewHouseholdPage = page(() => import('./routes/fostering/FosteringFormPage.tsx'), 'NewHouseholdPage');
const HouseholdsBehindPage = page(() => import('./routes/fostering/HouseholdsBehindPage.tsx'), 'HouseholdsBehindPage');
const CarersForChildPage = page(() => import('./routes/fostering/CarersForChildPage.tsx'), 'CarersForChildPage');
const SupervisionPage = page(() => import('./routes/workforce/SupervisionPage.tsx'), 'SupervisionPage');
const WorkforcePage = page(() => import('./routes/workforce/WorkforcePage.tsx'), 'WorkforcePage');
const ReturnsPage = page(() => import('./routes/returns/ReturnsPage.tsx'), 'ReturnsPage');
const DfeFeedPage = page(() => import('./routes/exchange/DfeFeedPage.tsx'), 'DfeFeedPage');
const SarListPage = page(() => import('./routes/exchange/SarPages.tsx'), 'SarListPage');
const ChildSarsPage = page(() => import('./routes/exchange/SarPages.tsx'), 'ChildSarsPage');
const SarPage = page(() => import('./routes/exchange/SarPages.tsx'), 'SarPage');
const SarRecordPage = page(() => import('./routes/exchange/SarPages.tsx'), 'SarRecordPage');
const SarFormPage = page(() => import('./routes/exchange/SarPages.tsx'), 'SarFormPage');
const ChildrenLookedAfterPage = page(() => import('./routes/menu/GroupPage.tsx'), 'ChildrenLookedAfterPage');
const TeamsAndWorkforcePage = page(() => import('./routes/menu/GroupPage.tsx'), 'TeamsAndWorkforcePage');

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

// The practice record: written assessments, enquiry findings, plans (their own bundle).
type PracticeModule = typeof import('./routes/practice/index.ts');
const practice = (name: keyof PracticeModule) => lazy(() => import('./routes/practice/index.ts').then((m) => ({ default: m[name] as ComponentType })));
const AssessmentRecordPage = practice('AssessmentRecordPage');
const AssessmentVersionsPage = practice('AssessmentVersionsPage');
const EnquiryFindingsPage = practice('EnquiryFindingsPage');
const PlansPage = practice('PlansPage');
const PlanPage = practice('PlanPage');
const PlanEditPage = practice('PlanEditPage');
const PlanProgressPage = practice('PlanProgressPage');
const PlanComparePage = practice('PlanComparePage');
const PlanPrintPage = practice('PlanPrintPage');

// Each performance page on its own, so only the dashboard and an indicator fetch Chart.js.
const DashboardPage = page(() => import('./routes/performance/DashboardPage.tsx'), 'DashboardPage');
const IndicatorPage = page(() => import('./routes/performance/IndicatorPage.tsx'), 'IndicatorPage');
const ChildrenBehindPage = page(() => import('./routes/performance/ChildrenBehindPage.tsx'), 'ChildrenBehindPage');
const ImprovementPage = page(() => import('./routes/performance/ImprovementPage.tsx'), 'ImprovementPage');
const ActionPage = page(() => import('./routes/performance/ActionPage.tsx'), 'ActionPage');
const BoardPackPage = page(() => import('./routes/performance/BoardPackPage.tsx'), 'BoardPackPage');
const InspectionPage = page(() => import('./routes/performance/InspectionPage.tsx'), 'InspectionPage');
const LoadBenchmarksPage = page(() => import('./routes/performance/LoadBenchmarksPage.tsx'), 'LoadBenchmarksPage');
const LoadNeighboursPage = page(() => import('./routes/performance/LoadBenchmarksPage.tsx'), 'LoadNeighboursPage');
const AddActionPage = page(() => import('./routes/performance/AddActionPage.tsx'), 'AddActionPage');
const MeetingsPage = page(() => import('./routes/meetings/MeetingsPage.tsx'), 'MeetingsPage');
const MeetingFormPage = page(() => import('./routes/meetings/MeetingFormPage.tsx'), 'MeetingFormPage');
const UsersPage = page(() => import('./routes/admin/UsersPage.tsx'), 'UsersPage');
const UserPage = page(() => import('./routes/admin/UserPage.tsx'), 'UserPage');
const AddUserPage = page(() => import('./routes/admin/AddUserPage.tsx'), 'AddUserPage');
const AccessRequestsPage = page(() => import('./routes/admin/AccessRequestsPage.tsx'), 'AccessRequestsPage');
const EscalationsPage = page(() => import('./routes/meetings/EscalationsPage.tsx'), 'EscalationsPage');
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
              <Route path="users" element={<UsersPage />} />
              <Route path="users/new" element={<AddUserPage />} />
              <Route path="users/:userId" element={<UserPage />} />
              <Route path="access-requests" element={<AccessRequestsPage />} />
              <Route path="returns/cin-census" element={<CinCensusPage />} />
              <Route path="returns/ssda903" element={<Ssda903Page />} />
              <Route path="returns/dfe-feed" element={<DfeFeedPage />} />
              <Route path="subject-access-requests" element={<SarListPage />} />
              <Route path="children/:childId/subject-access-requests" element={<ChildSarsPage />} />
              <Route path="children/:childId/subject-access-requests/new" element={<SarRecordPage />} />
              <Route path="children/:childId/subject-access-requests/:sarId" element={<SarPage />} />
              <Route path="children/:childId/subject-access-requests/:sarId/:form" element={<SarFormPage />} />
              <Route path="children" element={<FindChildPage />} />
              <Route path="children/new" element={<AddChildPage />} />
              <Route path="children/:childId" element={<ChildPage />} />
              <Route path="children/:childId/edit" element={<EditChildPage />} />
              <Route path="children/:childId/history" element={<HistoryPage />} />
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
                <Route path="assessments/:assessmentId" element={<AssessmentRecordPage />} />
                <Route path="assessments/:assessmentId/versions" element={<AssessmentVersionsPage />} />
                <Route path="section-47/:s47Id/findings" element={<EnquiryFindingsPage />} />
                <Route path="plans" element={<PlansPage />} />
                <Route path="plans/new" element={<PlanEditPage />} />
                <Route path="plans/:planDocumentId" element={<PlanPage />} />
                <Route path="plans/:planDocumentId/change" element={<PlanEditPage />} />
                <Route path="plans/:planDocumentId/progress" element={<PlanProgressPage />} />
                <Route path="plans/:planDocumentId/compare" element={<PlanComparePage />} />
                <Route path="plans/:planDocumentId/for-family" element={<PlanPrintPage />} />
                <Route path="looked-after" element={<LookedAfterPage />} />
                <Route path="looked-after/start" element={<StartCarePage />} />
                <Route path="looked-after/change" element={<ChangeCarePage />} />
                <Route path="looked-after/cease" element={<CeaseCarePage />} />
                <Route path="looked-after/approve-unregistered" element={<ApproveUnregisteredPage />} />
                <Route path="looked-after/visit" element={<LacVisitPage />} />
                <Route path="looked-after/review" element={<LacReviewPage />} />
                <Route path="looked-after/missing" element={<MissingPage />} />
                <Route path="looked-after/missing/:missingId" element={<MissingReturnPage />} />
                <Route path="meetings" element={<MeetingsPage />} />
                <Route path="meetings/record/:form" element={<MeetingFormPage />} />
                <Route path="meetings/:kind/:meetingId" element={<MeetingsPage />} />
              </Route>
              <Route element={<Lazy />}>
                <Route path="providers" element={<ProvidersPage />} />
                <Route path="looked-after/unregistered" element={<UnregisteredPlacementsPage />} />
                <Route path="looked-after/missing" element={<MissingChildrenPage />} />
                <Route path="escalations" element={<EscalationsPage />} />
              </Route>
              <Route path="children/:childId/partners" element={<ChildPartnersPage />} />
              <Route path="partner" element={<PartnerInboxPage />} />
              <Route path="partner/requests/:requestId" element={<PartnerAnswerPage />} />
              <Route path="partners" element={<PartnersOverviewPage />} />
              <Route path="children/:childId/looked-after-care" element={<LookedAfterCarePage />} />
              <Route path="children/:childId/looked-after-care/record/:form" element={<CareFormPage />} />
              <Route path="children/:childId/legal" element={<LegalPage />} />
              <Route path="children/:childId/legal/record/:form" element={<LegalFormPage />} />
              <Route path="children/:childId/work/:form" element={<WorkFormPage />} />
              <Route path="children/:childId/early-help" element={<EarlyHelpPage />} />
              <Route path="children/:childId/early-help/record/:form" element={<EarlyHelpFormPage />} />
              <Route path="fostering" element={<FosteringPage />} />
              <Route path="fostering/households/:householdId" element={<HouseholdPage />} />
              <Route path="fostering/households/:householdId/record/:form" element={<FosteringFormPage />} />
              <Route path="fostering/new" element={<NewHouseholdPage />} />
              <Route path="fostering/indicators/:indicatorId" element={<HouseholdsBehindPage />} />
              <Route path="children/:childId/foster-carers" element={<CarersForChildPage />} />
              <Route path="uasc" element={<UascListPage />} />
              <Route path="returns" element={<ReturnsPage />} />
              <Route path="care-leavers" element={<CareLeaversPage />} />
              <Route path="partners/register" element={<RegisterPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route path="teams/:teamId" element={<TeamPage />} />
              <Route element={<Lazy />}>
                <Route path="performance" element={<DashboardPage />} />
                <Route path="performance/benchmarks/load" element={<LoadBenchmarksPage />} />
                <Route path="performance/benchmarks/neighbours" element={<LoadNeighboursPage />} />
                <Route path="performance/:indicatorId" element={<IndicatorPage />} />
                <Route path="performance/:indicatorId/children" element={<ChildrenBehindPage />} />
                <Route path="improvement" element={<ImprovementPage />} />
                <Route path="improvement/actions/:actionId" element={<ActionPage />} />
                <Route path="improvement/inspections/new" element={<InspectionPage />} />
                <Route path="improvement/recommendations/:recommendationId/actions/new" element={<AddActionPage />} />
                <Route path="improvement/board-pack" element={<BoardPackPage />} />
              </Route>
              <Route path="workforce" element={<WorkforcePage />} />
              <Route path="teams-and-workforce" element={<TeamsAndWorkforcePage />} />
              <Route path="children-looked-after" element={<ChildrenLookedAfterPage />} />
              <Route path="workers/:workerId/supervision" element={<SupervisionPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
