/**
 * Validates a CIN census file, from Lantern or any other system: against the DfE's XML schema
 * for its year, then against the DfE's rules (core's pure checks), streaming one child at a time.
 */
import { createReadStream } from 'node:fs';
import { type CensusHeader, censusYear } from '@lantern/core/returns/cin-census/model';
import { cinCensusValidator } from '@lantern/core/returns/cin-census/rules';
import type { ReturnFailure } from '@lantern/core/returns/types';
import { cinCensusSchema, englishCouncils } from '../reference.ts';
import { readCinCensus } from './parse.ts';
import { CinSchemaCheck } from './schema-check.ts';

export type CinCensusValidation = {
  year: number;
  header: CensusHeader;
  children: number;
  /** Schema problems, each as a failure with code "XSD". */
  schemaValid: boolean;
  failures: ReturnFailure[];
  errors: number;
  queries: number;
};

/** The collection year: the one asked for, else the header's Year, else its reference date. */
function yearOf(header: CensusHeader, asked?: number): number {
  if (asked) return asked;
  if (header.year && /^\d{4}$/.test(header.year)) return Number(header.year);
  if (header.referenceDate && /^\d{4}-/.test(header.referenceDate)) return Number(header.referenceDate.slice(0, 4));
  throw new Error('The file does not say its collection year (Header/CollectionDetails/Year): give it with --year');
}

/** Collection years Lantern has the CIN census schema for (the 2025/26 rules check both). */
export const CIN_CENSUS_YEARS = [2025, 2026];
const label = (year: number) => `${year - 1}/${String(year).slice(2)}`;

/** Says which years Lantern has, and how to choose one, for a file of another year. */
function unknownYear(year: number, fromHeader: boolean): string {
  const have = CIN_CENSUS_YEARS.map((y) => `${label(y)} (--year ${y})`).join(' and ');
  return (
    `${fromHeader ? `The file is headed ${label(year)}` : `--year ${year} asks for ${label(year)}`}, and Lantern has the CIN census for ${have} only. ` +
    `Choose one with --year, e.g. --year ${CIN_CENSUS_YEARS.at(-1)} checks the file by the 2025/26 rules.`
  );
}

/** The file's text as it is read, each piece shown to the schema check before the parser reads it. */
export async function* textOf(source: { path: string } | { xml: Buffer }, schema: CinSchemaCheck): AsyncGenerator<string> {
  const pieces = 'path' in source ? createReadStream(source.path, { encoding: 'utf8', highWaterMark: 1 << 20 }) : [source.xml.toString('utf8')];
  for await (const piece of pieces) {
    schema.read(piece as string);
    yield piece as string;
  }
}

/**
 * Validates a file on disk or in memory, reading it once: the rules take each child as it is
 * read, and the schema check takes batches of children on other threads meanwhile. Memory holds
 * a batch, not the file. `onChild` reports progress.
 */
export async function validateCinCensusFile(
  source: { path: string } | { xml: Buffer },
  options: { year?: number; onChild?: (n: number) => void; childrenPerSchemaBatch?: number } = {},
): Promise<CinCensusValidation> {
  const schema = new CinSchemaCheck(options.childrenPerSchemaBatch);
  const laNumbers = englishCouncils().map((c) => c.laNumber);
  const failures: ReturnFailure[] = [];
  let header: CensusHeader | null = null;
  let validator: ReturnType<typeof cinCensusValidator> | null = null;
  let year = 0;
  let children = 0;
  for await (const item of readCinCensus(textOf(source, schema), schema)) {
    if ('header' in item) {
      header = item.header;
      year = yearOf(header, options.year);
      if (!cinCensusSchema(year)) throw new Error(unknownYear(year, !options.year));
      validator = cinCensusValidator(header, censusYear(year, laNumbers));
      failures.push(...validator.header());
    } else if (validator) {
      children++;
      failures.push(...validator.child(item.child));
      if (options.onChild && children % 1000 === 0) options.onChild(children);
      await schema.pump(year);
    }
  }
  if (!validator || !header) throw new Error('The file has no CIN census in it');
  failures.push(...validator.finish());
  const schemaFound = await schema.finish(year);
  const all = [...schemaFound, ...failures];
  return {
    year,
    header,
    children,
    schemaValid: schemaFound.length === 0,
    failures: all,
    errors: all.filter((f) => f.severity === 'error').length,
    queries: all.filter((f) => f.severity === 'query').length,
  };
}
