/**
 * The casework pages, loaded only when first opened: they bring the pathway's code lists and
 * schemas (and zod with them), which the rest of the app does not need.
 */
export { CaseworkPage } from './CaseworkPage.tsx';
export { AssessmentAuthorisePage, AssessmentStartPage, AssessmentUpdatePage } from './forms/AssessmentForms.tsx';
export { ContactDecisionPage, ContactPage, ReferralPage } from './forms/ContactForms.tsx';
export { CinPlanEndPage, CinPlanPage, CinPlanReviewPage, ClosurePage, VisitPage } from './forms/PlanForms.tsx';
export { CoreGroupPage, InitialConferencePage, ReviewConferencePage } from './forms/ConferenceForms.tsx';
export { Section47OutcomePage, Section47Page, StrategyDiscussionPage } from './forms/ProtectionForms.tsx';
