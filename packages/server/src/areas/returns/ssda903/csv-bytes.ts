/**
 * The plainest CSV — ASCII only, no quotes, every line as many commas as the header, no empty line
 * but perhaps the last — read straight from its bytes into the rules' columns, with the same values
 * as files.ts's text readers give (trimmed, upper-cased). Most values of a return repeat (codes,
 * dates, blanks): each column keeps the strings it has made by their bytes, so a repeated value is
 * looked up, not made again. Anything else is left (false) to the text readers.
 */
import { isAscii } from 'node:buffer';
import { makeTable, recogniseTable, type Table, TABLE_COLUMNS, type TableName } from '@lantern/core/returns/ssda903/index';

/** Buffer's own latin1 decoder, which toString('latin1', a, b) calls after checking its arguments: here once a value, millions of times. */
type Bytes = Buffer & { latin1Slice(start: number, end: number): string };

const COMMA = 44;
const LF = 10;
const CR = 13;
/** The whitespace String.prototype.trim takes off ASCII text, but the line ends (never inside a value here). */
const edgeSpace = (b: number) => b === 32 || b === 9 || b === 11 || b === 12;

/** A column stops keeping its strings when most of its first rows differ (an id, a date of birth). */
export const SAMPLE_ROWS = 2000;

/** After SAMPLE_ROWS rows: each column's kept strings, or none where most of them were different. */
export function stillKept<K>(kept: (Map<K, string> | undefined)[]): (Map<K, string> | undefined)[] {
  return kept.map((m) => (m && m.size < SAMPLE_ROWS / 2 ? m : undefined));
}

/** Where each line starts and ends (without its line end), or false when the bytes are not the plainest CSV. */
function lineBounds(buf: Buffer, from: number): { starts: Int32Array; ends: Int32Array; count: number } | false {
  // Searched natively (memchr), not byte by byte in JavaScript.
  if (!isAscii(buf.subarray(from)) || buf.indexOf(34, from) !== -1) return false;
  const firstLf = buf.indexOf(LF, from);
  const firstCr = buf.indexOf(CR, from);
  if (firstLf === -1 && firstCr === -1) return false; // one line, no line end: left to the text readers
  // One kind of line end throughout: \n alone, \r alone, or \r\n (each \r just before a \n).
  const crlf = firstCr !== -1 && firstLf === firstCr + 1;
  const end = firstLf === -1 || (firstCr !== -1 && firstCr < firstLf && !crlf) ? CR : LF;
  if (end === CR && firstLf !== -1) return false;
  if (end === LF && !crlf && firstCr !== -1) return false;
  let lines = 0;
  for (let at = buf.indexOf(end, from); at !== -1; at = buf.indexOf(end, at + 1)) lines++;
  if (crlf) {
    let crs = 0;
    for (let at = firstCr; at !== -1; at = buf.indexOf(CR, at + 1)) {
      if (buf[at + 1] !== LF) return false;
      crs++;
    }
    if (crs !== lines) return false;
  }
  const endLength = crlf ? 2 : 1;
  const last = buf.length > from && buf[buf.length - 1] !== end;
  const count = lines + (last ? 1 : 0);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let n = 0;
  let start = from;
  for (let at = buf.indexOf(end, from); at !== -1; at = buf.indexOf(end, at + 1)) {
    starts[n] = start;
    ends[n++] = at + 1 - endLength;
    start = at + 1;
  }
  if (last) {
    starts[n] = start;
    ends[n++] = buf.length;
  }
  // An empty line (but the file's last line end) is left to the text readers.
  for (let k = 0; k < count; k++) if (ends[k] === starts[k]) return false;
  return { starts, ends, count };
}

/**
 * The CHILD ids of a return's tables, kept across its files: each id is then one string, made once
 * whatever table names the child, and the rules' look-ups of one table's children in another's
 * (Header's row for each episode, sets of children) find the very string, not an equal one.
 */
export type ChildIds = Map<number, string>;

/**
 * The table in `bytes` (a whole file), undefined when its header is not an SSDA903 table's, false
 * when it is not the plainest CSV. `children`: the return's CHILD ids read so far, added to.
 */
export function tableFromBytes(file: Buffer, children: ChildIds = new Map()): { table: Table } | undefined | false {
  const bytes = file as Bytes;
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines = lineBounds(bytes, from);
  if (lines === false) return false;
  const { starts, ends, count } = lines;
  const header = bytes
    .latin1Slice(starts[0]!, ends[0]!)
    .toUpperCase()
    .split(',')
    .map((c: string) => c.trim());
  const name: TableName | undefined = recogniseTable(header);
  if (!name) return undefined;
  const width = header.length;
  const rows = count - 1;
  const columns = header.map(() => new Array<string>(rows));
  const child = header.indexOf('CHILD');
  let kept: (Map<number, string> | undefined)[] = header.map((_, k) => (k === child ? children : new Map()));
  for (let r = 0; r < rows; r++) {
    if (r === SAMPLE_ROWS) kept = stillKept(kept).map((m, k) => (k === child ? children : m));
    const end = ends[r + 1]!;
    let s = starts[r + 1]!;
    for (let k = 0; k < width; k++) {
      let e = s;
      let hash = 0;
      for (; e < end; e++) {
        let c = bytes[e]!;
        if (c === COMMA) break;
        // Upper-cased in place (the file's bytes are this reader's own), as the value is hashed.
        if (c >= 97 && c <= 122) bytes[e] = c -= 32;
        hash = (Math.imul(hash, 31) + c) | 0;
      }
      // A comma more or fewer than the header's: left to the text readers.
      if ((e === end) !== (k === width - 1)) return false;
      let a = s;
      let b = e;
      while (a < b && edgeSpace(bytes[a]!)) a++;
      while (b > a && edgeSpace(bytes[b - 1]!)) b--;
      columns[k]![r] = a === b ? '' : valueAt(bytes, a, b, hash, kept[k], a !== s || b !== e);
      s = e + 1;
    }
  }
  const byName = Object.fromEntries(TABLE_COLUMNS[name].map((c) => [c, columns[header.indexOf(c)]!]));
  return { table: makeTable(name, byName) };
}

/** The value in bytes a…b: the column's kept string for those bytes, or a new one (kept when the column keeps them). */
function valueAt(bytes: Bytes, a: number, b: number, hash: number, kept: Map<number, string> | undefined, trimmed: boolean): string {
  if (!kept) return bytes.latin1Slice(a, b);
  // The hash was of the untrimmed bytes; a trimmed value is rare, and hashed again.
  if (trimmed) {
    hash = 0;
    for (let i = a; i < b; i++) hash = (Math.imul(hash, 31) + bytes[i]!) | 0;
  }
  const key = (Math.imul(hash, 16) + (b - a)) | 0;
  const was = kept.get(key);
  if (was !== undefined && was.length === b - a) {
    let same = true;
    for (let i = 0; i < was.length; i++)
      if (was.charCodeAt(i) !== bytes[a + i]) {
        same = false;
        break;
      }
    if (same) return was;
    return bytes.latin1Slice(a, b); // two values with one hash: the second is not kept
  }
  const v = bytes.latin1Slice(a, b);
  if (was === undefined) kept.set(key, v);
  return v;
}
