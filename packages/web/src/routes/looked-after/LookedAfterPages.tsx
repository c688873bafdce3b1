/**
 * Children looked after: the child's looked-after section and a form for each step (coming into
 * care, a change of placement or legal status, ceasing, the director's approval of an
 * unregistered provider, visits, reviews, missing episodes), the providers register, the
 * director's unregistered-placements list and the missing-children list. The pages live in the
 * files beside this one; the app loads them from here.
 */
export { lookedAfterApi } from './api.ts';
export { MissingChildrenPage, ProvidersPage, UnregisteredPlacementsPage } from './CouncilPages.tsx';
export { LookedAfterPage } from './LookedAfterPage.tsx';
export { MissingReturnPage } from './MissingReturnPage.tsx';
export {
  ApproveUnregisteredPage,
  CeaseCarePage,
  ChangeCarePage,
  LacReviewPage,
  LacVisitPage,
  MissingPage,
  StartCarePage,
} from './StepFormPage.tsx';
