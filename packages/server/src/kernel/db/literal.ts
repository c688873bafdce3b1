import pg from 'pg';

/**
 * A parameter as an SQL literal (a string, number, boolean, instant, null, or array of strings), for a
 * statement whose values are written into its text: an event's deadline refresh, and a statement
 * run with its generic plan (prepared.ts).
 */
export function sqlLiteral(value: unknown): string {
  // pg's own quoting (it switches to an E'' string when the text holds a backslash).
  const quoted = (text: string) => pg.escapeLiteral(text);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  // An instant (a session's check in the search) as ISO 8601 in UTC, which timestamptz reads exactly.
  if (value instanceof Date && Number.isFinite(value.getTime())) return quoted(value.toISOString());
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return quoted(`{${value.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`);
  throw new Error(`A statement has a parameter that cannot be written as a literal: ${String(value)}`);
}
