// The performance and improvement pages, in their own bundle (with Chart.js), fetched when first opened.
export { ActionPage } from './ActionPage.tsx';
export { BoardPackPage } from './BoardPackPage.tsx';
export { ChildrenBehindPage } from './ChildrenBehindPage.tsx';
export { DashboardPage } from './DashboardPage.tsx';
export { ImprovementPage } from './ImprovementPage.tsx';
export { InspectionPage } from './InspectionPage.tsx';
export { IndicatorPage } from './IndicatorPage.tsx';
export { LoadBenchmarksPage } from './LoadBenchmarksPage.tsx';
