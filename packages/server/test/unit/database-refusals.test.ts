/**
 * Under load a database 503 can be hundreds of requests a second; the on-call engineer needs to see
 * them in the log, but as one line a minute per kind that says how many it stands for.
 */
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { databaseRefusalLog } from '../../src/kernel/http/database-refusals.ts';

function capture() {
  const lines: { fields: Record<string, unknown>; msg: string }[] = [];
  const log = { warn: (fields: Record<string, unknown>, msg: string) => lines.push({ fields, msg }) } as unknown as FastifyBaseLogger;
  return { lines, log };
}

describe('database refusals in the log', () => {
  it('writes the first refusal at once, counts the rest of the minute, and says how many with the next line', () => {
    let clock = 0;
    const note = databaseRefusalLog(60_000, () => clock);
    const { lines, log } = capture();
    note('busy', log);
    for (let i = 0; i < 250; i++) note('busy', log);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/^503 Service busy/);
    expect(lines[0]?.fields).toEqual({ database: 'busy', refusedSinceLastLine: 0 });
    clock = 60_000;
    note('busy', log);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.fields.refusedSinceLastLine).toBe(250);
    expect(lines[1]?.msg).toMatch(/250 more since the last such line/);
  });

  it('keeps an unreachable database apart from a busy one', () => {
    const note = databaseRefusalLog(60_000, () => 0);
    const { lines, log } = capture();
    note('busy', log);
    note('unreachable', log);
    note('unreachable', log);
    expect(lines.map((l) => l.fields.database)).toEqual(['busy', 'unreachable']);
    expect(lines[1]?.msg).toMatch(/^503 Service unavailable: the database cannot be reached/);
  });
});
