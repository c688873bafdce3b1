/**
 * Reading an SSDA903 return from a folder of CSV files. Each file is recognised by its exact set of
 * columns (data-standards §2.1), whatever it is called; values are trimmed and upper-cased as the
 * DfE reads them, and go straight into one array per column.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { makeTable, type Provider, parseDay, recogniseTable, type Table, TABLE_COLUMNS, type TableName } from '@lantern/core/returns/ssda903/index';
import { parse } from 'csv-parse';
import { inferSchema, initParser } from 'udsv';
import { type ChildIds, SAMPLE_ROWS, stillKept, tableFromBytes } from './csv-bytes.ts';

export class ReturnFileError extends Error {}

export interface LoadedFile {
  file: string;
  table: TableName;
  rows: number;
}

export interface LoadedReturn {
  tables: Partial<Record<TableName, Table>>;
  files: LoadedFile[];
  /** Files in the folder that are not an SSDA903 table, with why. */
  ignored: { file: string; reason: string }[];
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function looksUtf16(b: Buffer): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  // Without a byte-order mark, UTF-16 text of ASCII letters has every other byte zero, and only
  // those: a zip (an .xlsx) or other binary file has zeros scattered anywhere.
  if (b.length < 8) return false;
  const zeros = [0, 0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0) zeros[i % 2]!++;
  const half = b.length / 2;
  return (zeros[1]! > 0.9 * half && zeros[0]! < 0.1 * half) || (zeros[0]! > 0.9 * half && zeros[1]! < 0.1 * half);
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A cell as the text a CSV would hold: dates as dd/mm/yyyy, formulas by their result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}

/** The SSDA903 tables in an .xlsx workbook, a sheet a table (each recognised by its header row). */
async function readWorkbook(file: string): Promise<{ tables: Table[]; sheets: string[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (error) {
    throw new ReturnFileError(`${path.basename(file)} could not be read as an .xlsx workbook: ${(error as Error).message}`);
  }
  const tables: Table[] = [];
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    sheets.push(ws.name);
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      rows.push(values.slice(1).map(cellText));
    });
    const header = rows[0];
    const name = header ? recogniseTable(header.map((c) => c.toUpperCase())) : undefined;
    if (!name || !header) continue;
    const upper = header.map((c) => c.toUpperCase());
    const positions = TABLE_COLUMNS[name].map((c) => upper.indexOf(c));
    const columns = Object.fromEntries(TABLE_COLUMNS[name].map((c, k) => [c, rows.slice(1).map((r) => (r[positions[k]!] ?? '').toUpperCase())]));
    tables.push(makeTable(name, columns));
  }
  return { tables, sheets };
}

/** Read every CSV table of a return in `dir`. */
export async function loadReturnDir(dir: string): Promise<LoadedReturn> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ReturnFileError(`${dir} is not a folder`);
  const tables: Partial<Record<TableName, Table>> = {};
  const files: LoadedFile[] = [];
  const ignored: { file: string; reason: string }[] = [];
  const from: Partial<Record<TableName, string>> = {};
  const children: ChildIds = new Map();
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    const head = await firstBytes(file, 512);
    // Councils' systems also give workbooks (.xlsx, a zip): a sheet a table, as the reference reads them.
    if (isZip(head) || name.toLowerCase().endsWith('.xlsx')) {
      const { tables: found, sheets } = await readWorkbook(file);
      if (!found.length) {
        ignored.push({ file: name, reason: `a workbook with no sheet of an SSDA903 table (its sheets: ${sheets.join(', ') || 'none'})` });
        continue;
      }
      for (const t of found) {
        if (from[t.name]) throw new ReturnFileError(`${name} and ${from[t.name]} both have the ${t.name} table: keep one of them in the folder`);
        from[t.name] = name;
        tables[t.name] = t;
        files.push({ file: found.length > 1 ? `${name} (${t.name})` : name, table: t.name, rows: t.length });
      }
      continue;
    }
    if (looksUtf16(head))
      throw new ReturnFileError(
        `${name} is saved as UTF-16. Open it in Notepad (or another editor), choose Save As, pick the encoding UTF-8 and save it again.`,
      );
    const result = await readTable(file, children);
    if (!result) {
      const text = !head.includes(0);
      ignored.push({ file: name, reason: text ? 'its columns are not those of any SSDA903 table' : 'not a CSV file or an .xlsx workbook' });
      continue;
    }
    if (from[result.table.name])
      throw new ReturnFileError(`${name} and ${from[result.table.name]} are both the ${result.table.name} table: keep one of them in the folder`);
    from[result.table.name] = name;
    tables[result.table.name] = result.table;
    files.push({ file: name, table: result.table.name, rows: result.table.length });
  }
  return { tables, files, ignored };
}

/** One CSV as a table, or undefined when its header is not an SSDA903 table's. */
async function readTable(file: string, children: ChildIds): Promise<{ table: Table } | undefined> {
  const bytes = await readFile(file);
  const plain = tableFromBytes(bytes, children);
  if (plain !== false) return plain;
  const text = bytes.toString('utf8');
  const fast = tableByUdsv(text);
  return fast === false ? tableByCsvParse(file) : fast;
}

/** A table's columns filled a record at a time, once its header row has named the table. */
function tableBuilder() {
  let name: TableName | undefined;
  let positions: number[] = [];
  let columns: Record<string, string[]> = {};
  return {
    /** The header row: false when it is not an SSDA903 table's. */
    header(given: string[]): boolean {
      const record = given.map((c) => c.trim());
      name = recogniseTable(record);
      if (!name) return false;
      const upper = record.map((c) => c.toUpperCase());
      positions = TABLE_COLUMNS[name].map((c) => upper.indexOf(c));
      columns = Object.fromEntries(TABLE_COLUMNS[name].map((c) => [c, [] as string[]]));
      return true;
    },
    row(record: string[]) {
      const cols = TABLE_COLUMNS[name!];
      for (let k = 0; k < cols.length; k++) columns[cols[k]!]!.push((record[positions[k]!] ?? '').trim().toUpperCase());
    },
    table: () => (name ? { table: makeTable(name, columns) } : undefined),
  };
}

/**
 * The table by udsv (about twice csv-parse's speed on a national return), for the plain CSV
 * councils' systems write: no quotes, every row as long as the header. udsv reads a row by the
 * header's length, so a shorter or longer row would run into the next row or the last value: a
 * line with another number of commas than the header's, or fewer records than the file has
 * lines, hands the file (false) to csv-parse, which reads ragged rows and quotes.
 * The text is upper-cased whole (a value's capitals are the same either way) and values are
 * trimmed only when one of them has a space at its edge: per value, both cost more than udsv.
 */
export function tableByUdsv(text: string): { table: Table } | undefined | false {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = /\r\n|\n|\r/.exec(body.slice(0, 1 << 16))?.[0];
  if (!newline || body.includes('"') || !oneKindOfLineEnd(body, newline)) return false;
  if (/[a-z\u0080-\uffff]/.test(body)) body = body.toUpperCase();
  const trim = /(?:^|,)[^\S\r\n]|[^\S\r\n](?:,|$)/m.test(body);
  const lines = regularLines(body, newline);
  if (lines === false) return false;
  // No header rows skipped: the header comes to `each` as the first record.
  const schema = inferSchema(body, { col: ',', row: newline, encl: '"', trim: false, header: () => [] }, 1);
  const width = schema.cols.length;
  let name: TableName | undefined;
  let header: string[] = [];
  // A column per position in the file, in the file's order.
  let byPosition: string[][] = [];
  // Each value kept once per column (dates and codes repeat: far fewer strings for the collector
  // to carry); a column whose first rows are mostly different values is not looked up.
  let seen: (Map<string, string> | undefined)[] = [];
  let records = 0;
  let regular = true;
  const each = (record: string[]) => {
    if (record.length !== width) regular = false;
    if (!regular) return false;
    if (records++ === 0) {
      header = record.map((c) => c.trim());
      name = recogniseTable(header);
      // Each column made as long as the file has rows (its lines but the header): filled in place,
      // never grown and copied (a third less CPU reading a national return).
      byPosition = record.map(() => new Array<string>(Math.max(lines - 1, 0)));
      seen = record.map(() => new Map());
      return name !== undefined;
    }
    if (records === SAMPLE_ROWS) seen = stillKept(seen);
    for (let k = 0; k < width; k++) {
      const v = trim ? record[k]!.trim() : record[k]!;
      const m = seen[k];
      let w = m?.get(v);
      if (w === undefined) {
        m?.set(v, v);
        w = v;
      }
      byPosition[k]![records - 2] = w;
    }
    return true;
  };
  initParser(schema).stringArrs(body.endsWith(newline) ? body : `${body}${newline}`, each);
  if (!regular) return false;
  if (!name) return undefined;
  if (lines !== records) return false;
  const columns = Object.fromEntries(TABLE_COLUMNS[name].map((c) => [c, byPosition[header.indexOf(c)]!]));
  return { table: makeTable(name, columns) };
}

/**
 * The lines that are not empty, when each has as many commas as the first (so udsv, splitting at
 * commas and line ends, reads each as one record as long as the header), else false.
 */
function regularLines(body: string, newline: string): number | false {
  const end = newline === '\r' ? 13 : 10; // with \r\n, each \r is just before a \n (oneKindOfLineEnd)
  let expected = -1;
  let commas = 0;
  let chars = 0;
  let lines = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = i < body.length ? body.charCodeAt(i) : end;
    if (c === end) {
      if (chars > 0) {
        if (expected < 0) expected = commas;
        else if (commas !== expected) return false;
        lines++;
      }
      commas = 0;
      chars = 0;
    } else {
      if (c === 44) commas++;
      if (c !== 13) chars++;
    }
  }
  return lines;
}

/** Every line ends the same way (udsv takes any \\r for the end of a line when lines end \\r\\n). */
function oneKindOfLineEnd(body: string, newline: string): boolean {
  const count = (c: string) => {
    let n = 0;
    for (let at = body.indexOf(c); at !== -1; at = body.indexOf(c, at + 1)) n++;
    return n;
  };
  if (newline === '\n') return !body.includes('\r');
  if (newline === '\r') return !body.includes('\n');
  const ends = count('\r\n');
  return count('\r') === ends && count('\n') === ends;
}

/** The table by csv-parse: any CSV, quoted values and ragged rows included. */
export async function tableByCsvParse(file: string): Promise<{ table: Table } | undefined> {
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  const built = tableBuilder();
  let first = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        if (!built.header(record)) return undefined;
        continue;
      }
      built.row(record);
    }
  } catch (error) {
    if (first) return undefined; // not a CSV at all
    throw new ReturnFileError(`${path.basename(file)}: ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
  return built.table();
}

/**
 * Ofsted's providers as one CSV (a documented, simple shape a council can make from Ofsted's
 * children's homes and social care providers lists):
 *   URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, LA_CODE, REGISTERED, CLOSED
 * PLACE_CODES and PROVIDER_CODES are space- or semicolon-separated (e.g. "K2 K1", "PR4");
 * REGISTERED and CLOSED are dd/mm/yyyy or blank; LA_CODE is the ONS code of the provider's council.
 */
export async function loadProviders(file: string): Promise<Provider[]> {
  const head = await firstBytes(file, 512).catch(() => {
    throw new ReturnFileError(`cannot read the provider list ${file}`);
  });
  if (looksUtf16(head)) throw new ReturnFileError(`${path.basename(file)} is saved as UTF-16: save it as UTF-8`);
  const parser = createReadStream(file).pipe(
    parse({ bom: true, columns: (h: string[]) => h.map((c) => c.trim().toUpperCase()), trim: true, skip_empty_lines: true }),
  );
  const out: Provider[] = [];
  const list = (s: string | undefined) =>
    (s ?? '')
      .toUpperCase()
      .split(/[\s;,]+/)
      .filter(Boolean);
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (out.length === 0 && !('URN' in row))
      throw new ReturnFileError(`${path.basename(file)} has no URN column (expected URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, LA_CODE, REGISTERED, CLOSED)`);
    out.push({
      urn: (row.URN ?? '').toUpperCase(),
      placeCodes: list(row.PLACE_CODES),
      providerCodes: list(row.PROVIDER_CODES),
      postcode: (row.POSTCODE ?? '').toUpperCase(),
      laCode: (row.LA_CODE ?? '').toUpperCase(),
      registered: parseDay(row.REGISTERED ?? ''),
      closed: parseDay(row.CLOSED ?? ''),
    });
  }
  return out;
}
