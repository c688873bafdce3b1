/**
 * Exchange: Lantern's record going out to (and coming in from) others: the DfE's daily children's
 * social care feed, the Standard Safeguarding Dataset, and subject access requests. This area's
 * face to the server and the command line.
 */
export { DfeApiClient, dfeApiConfigFrom, type DfeApiConfig } from './dfe-api.ts';
export { buildDfeChildren, cohortChildIds, hashOf } from './dfe-child-object.ts';
export { dfeChildChecker, exportDfeCscApi, planDfeFeed, runDfeFeed, type FeedSummary } from './dfe-feed.ts';
export { feedMessage, feedRoutes } from './feed-routes.ts';
export { EXCHANGE_OBLIGATIONS } from './obligations.ts';
export { extendSar, proposedMarks, recordSar, releaseSar, reviewSarMarks } from './sar.ts';
export { sarPdf, sarRecordEntries } from './sar-pdf.ts';
export { sarCopy, sarRoutes } from './sar-routes.ts';
