/**
 * Reference data the returns need at run time, read from the repository's reference folder
 * (the server runs from its checkout, so one copy serves the code and the tests): the DfE's XML
 * schemas (reference/schemas) and the DfE LA numbers with their ONS codes (reference/councils.csv).
 */
import { readFileSync } from 'node:fs';
import { referenceFile } from '@lantern/core/reference';
import { parse } from 'csv-parse/sync';

export type Council = { laNumber: string; laCode: string; name: string };

let councils: Council[] | null = null;
export function englishCouncils(): Council[] {
  councils ??= (parse(readFileSync(referenceFile('councils.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({
    laNumber: r.dfe_la_number as string,
    laCode: r.ons_code as string,
    name: r.name as string,
  }));
  return councils;
}

export function councilByLaNumber(laNumber: string): Council | undefined {
  return englishCouncils().find((c) => c.laNumber === laNumber);
}

/** The CIN census schema for a collection year (2026 = 2025/26), or null if Lantern has none. */
export function cinCensusSchema(year: number): { fileName: string; contents: string } | null {
  const fileName = year >= 2026 ? 'cin-census-2026.xsd' : year === 2025 ? 'cin-census-2025.xsd' : null;
  return fileName ? { fileName, contents: readFileSync(referenceFile(`schemas/${fileName}`), 'utf8') } : null;
}
