/** The practice record's pages: the written assessment, enquiry findings, plans. */
export { AssessmentRecordPage } from './AssessmentRecordPage.tsx';
export { AssessmentVersionsPage } from './AssessmentVersionsPage.tsx';
export { EnquiryFindingsPage } from './EnquiryFindingsPage.tsx';
export { PlanComparePage } from './PlanComparePage.tsx';
export { PlanEditPage } from './PlanEditPage.tsx';
export { PlanPage } from './PlanPage.tsx';
export { PlanPrintPage } from './PlanPrintPage.tsx';
export { PlanProgressPage } from './PlanProgressPage.tsx';
export { PlansPage } from './PlansPage.tsx';
