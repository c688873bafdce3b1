/**
 * What the statutory returns' routes take and send back (the CIN census and the SSDA903: a run
 * produced or a file checked, with its failures grouped by the DfE's rule, and an import): the
 * server's request and response schemas and the web app's types, written once.
 */
import { z } from 'zod';

/** The tables of an SSDA903 return, in the order the DfE lists them. */
export const SSDA903_TABLES = [
  'Header',
  'Episodes',
  'Reviews',
  'UASC',
  'OC2',
  'OC3',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
  'SWEpisodes',
  'DoLo',
] as const;
export type Ssda903Table = (typeof SSDA903_TABLES)[number];
/** The tables of a year's return (by its 31 March): DoLo is collected from 2026/27 (2027) on. */
export const ssda903TablesFor = (year: number): readonly Ssda903Table[] => (year >= 2027 ? SSDA903_TABLES : SSDA903_TABLES.filter((t) => t !== 'DoLo'));

/** One DfE rule's failures in a return. */
export const ruleGroup = z.object({
  code: z.string(),
  severity: z.enum(['error', 'query']),
  message: z.string(),
  count: z.number().int(),
  failures: z.array(
    z.object({
      laChildId: z.string().nullable(),
      childId: z.string().nullable(),
      module: z.string(),
      row: z.string().nullable(),
      fields: z.array(z.string()),
      line: z.number().int().nullable(),
    }),
  ),
});

/** A CIN census produced (or a file checked): failures grouped by DfE rule. */
export const cinCensusRun = z.object({
  runId: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  children: z.number().int(),
  schemaValid: z.boolean(),
  errors: z.number().int(),
  queries: z.number().int(),
  rules: z.array(ruleGroup),
});
export type CinCensusRun = z.infer<typeof cinCensusRun>;

/** What the DfE's SSDA903 rules found, and how many of them could run. */
const ssda903Findings = {
  errors: z.number().int(),
  rulesRun: z.number().int(),
  rulesNotRun: z.number().int(),
  rules: z.array(ruleGroup),
};

/** A produced SSDA903 return: its tables (each downloadable) and what the DfE's rules found in it. */
export const ssda903Run = z.object({
  runId: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  children: z.number().int(),
  tables: z.array(z.object({ table: z.enum(SSDA903_TABLES), rows: z.number().int() })),
  ...ssda903Findings,
});
export type Ssda903Run = z.infer<typeof ssda903Run>;

/** A CSV file chosen in the browser, sent as its name and text. */
export const uploadedCsv = z.object({
  name: z.string().min(1, 'Each file needs its name').max(255, 'A file name has at most 255 characters'),
  text: z.string(),
});
export type UploadedCsv = z.infer<typeof uploadedCsv>;

/** SSDA903 files from another system, checked: which table each file is, and what the DfE's rules found. */
export const ssda903Check = z.object({
  year: z.number().int(),
  children: z.number().int(),
  files: z.array(z.object({ file: z.string(), table: z.string(), rows: z.number().int() })),
  ignored: z.array(z.object({ file: z.string(), reason: z.string() })),
  ...ssda903Findings,
});
export type Ssda903Check = z.infer<typeof ssda903Check>;

/** What importing a return wrote, and each record it could not place (`notPlaced` says how). */
const importResult = <P extends z.ZodType>(notPlaced: P) =>
  z.object({
    importId: z.string().nullable(),
    year: z.number().int(),
    children: z.number().int(),
    alreadyImported: z.boolean(),
    written: z.record(z.string(), z.number().int()),
    notPlaced: z.array(notPlaced),
    seconds: z.number(),
  });

/** What importing a CIN census return wrote, and what it could not place. */
export const cinCensusImport = importResult(z.object({ childId: z.string().nullable(), row: z.string().nullable(), reason: z.string() }));
export type CinCensusImport = z.infer<typeof cinCensusImport>;

/** What importing an SSDA903 return wrote, and each record it could not place (table and row). */
export const ssda903Import = importResult(z.object({ child: z.string().nullable(), table: z.string(), row: z.number().int(), reason: z.string() }));
export type Ssda903Import = z.infer<typeof ssda903Import>;
