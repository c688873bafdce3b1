/**
 * Reading the ONS Postcode Directory as councils have it: the ONS's own zip (one big CSV inside),
 * that CSV on its own (columns `pcd`, `oseast1m`, `osnrth1m`, and `laua` or the newer `lad25cd`), or
 * the compact tab-separated form (`postcode`, `la_code`, `easting`, `northing`), gzipped or not.
 * Rows stream through: the whole UK is 2.7 million postcodes, so nothing holds the file at once.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type PostcodeDirectory, type PostcodePlace, postcodeKey } from '@lantern/core/returns/ssda903/postcodes';
import { parse } from 'csv-parse';
import { ReturnFileError } from './files.ts';

export interface DirectoryRow extends PostcodePlace {
  /** The postcode in capitals without spaces. */
  postcode: string;
}

const POSTCODE_COLUMNS = ['pcd', 'pcds', 'pcd7', 'pcd8', 'postcode'];
const EASTING_COLUMNS = ['oseast1m', 'easting'];
const NORTHING_COLUMNS = ['osnrth1m', 'northing'];
/** `laua` (to 2019), `lad25cd` and the like (each year's boundaries), or the compact file's `la_code`. */
const isLaColumn = (c: string) => c === 'laua' || c === 'la_code' || /^lad\d\dcd$/.test(c);

/** The directory's text as a stream, from a zip (its largest CSV), a .gz or a plain file. */
async function openText(file: string): Promise<Readable> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ReturnFileError(`${file} is not a file`);
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) {
    // Loaded only for the ONS's zip: unzipper is a fifth of a second of every validation's start-up.
    const { default: unzipper } = await import('unzipper');
    const zip = await unzipper.Open.file(file);
    const csvs = zip.files.filter((f) => f.type === 'File' && f.path.toLowerCase().endsWith('.csv'));
    // The ONS zip also holds small code lists (Documents/…): the directory is the big one.
    const biggest = csvs.sort((a, b) => b.uncompressedSize - a.uncompressedSize)[0];
    if (!biggest) throw new ReturnFileError(`${path.basename(file)} has no CSV file inside: is it the ONS Postcode Directory zip?`);
    return biggest.stream();
  }
  const raw = createReadStream(file);
  return lower.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

const number = (s: string | undefined) => (s === undefined || s.trim() === '' ? Number.NaN : Number(s));

/** Every postcode of the directory file, in file order. */
export async function* readPostcodeDirectory(file: string): AsyncGenerator<DirectoryRow> {
  const text = await openText(file);
  const parser = text.pipe(parse({ delimiter: [',', '\t'], bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let cols: { pc: number; la: number; e: number; n: number } | undefined;
  for await (const row of parser as AsyncIterable<string[]>) {
    if (!cols) {
      const names = row.map((c) => c.toLowerCase());
      const find = (options: string[]) => names.findIndex((c) => options.includes(c));
      cols = { pc: find(POSTCODE_COLUMNS), la: names.findIndex(isLaColumn), e: find(EASTING_COLUMNS), n: find(NORTHING_COLUMNS) };
      const missing = [cols.pc < 0 && 'pcd', cols.la < 0 && 'laua (or lad25cd)', cols.e < 0 && 'oseast1m', cols.n < 0 && 'osnrth1m'].filter(Boolean);
      if (missing.length)
        throw new ReturnFileError(
          `${path.basename(file)} is not the ONS Postcode Directory: it has no ${missing.join(', ')} column (its columns: ${names.slice(0, 12).join(', ')})`,
        );
      continue;
    }
    const postcode = postcodeKey(row[cols.pc] ?? '');
    if (!postcode) continue;
    yield { postcode, laCode: (row[cols.la] ?? '').toUpperCase(), easting: number(row[cols.e]), northing: number(row[cols.n]) };
  }
  if (!cols) throw new ReturnFileError(`${path.basename(file)} is empty`);
}

/** The directory as a lookup, keeping only the postcodes in `wanted` when given (a return needs few of the 2.7 million). */
export async function loadPostcodeDirectory(file: string, wanted?: ReadonlySet<string>): Promise<PostcodeDirectory> {
  const out = new Map<string, PostcodePlace>();
  for await (const r of readPostcodeDirectory(file)) {
    if (wanted && !wanted.has(r.postcode)) continue;
    out.set(r.postcode, { laCode: r.laCode, easting: r.easting, northing: r.northing });
  }
  return out;
}

/** The postcodes (capitals, no spaces) an SSDA903 return's episodes name, this year's and last year's. */
export function postcodesOf(...episodeTables: ({ columns: Readonly<Record<string, string[]>> } | undefined)[]): Set<string> {
  // Each value spelt once: episodes repeat a placement's postcode many times over.
  const given = new Set<string>();
  for (const t of episodeTables) for (const c of ['HOME_POST', 'PL_POST']) for (const p of t?.columns[c] ?? []) if (p) given.add(p);
  return new Set([...given].map(postcodeKey));
}
