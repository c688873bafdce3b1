import { describe, expect, it } from 'vitest';
import { statementRows } from '../../src/kernel/db/insert-rows.ts';

// A visit recorded with and without the worker's words: rows naming other columns (or the same
// columns in another order) go in statements of their own, so a column left out takes its default.
const visit = (n: number) => ({ visit_id: `v${n}`, visited_on: '2026-11-01' });
const withWords = (n: number) => ({ visit_id: `w${n}`, visited_on: '2026-11-02', child_words: 'I like my school' });
const reordered = (n: number) => ({ visited_on: '2026-11-03', visit_id: `r${n}` });

const ids = (statements: { visit_id: string }[][]) => statements.map((rows) => rows.map((r) => r.visit_id));

describe('statementRows', () => {
  it('groups rows by the columns they name, in order of first appearance, a statement’s worth at a time', () => {
    const rows = [visit(1), visit(2), withWords(1), visit(3), reordered(1), withWords(2), visit(4), reordered(2)];
    expect(ids([...statementRows(rows, 3)])).toEqual([['v1', 'v2', 'v3'], ['v4'], ['w1', 'w2'], ['r1', 'r2']]);
  });

  it('tells a row naming fewer or more columns than the one before from it', () => {
    const fewer = { visit_id: 'f1' };
    const rows = [withWords(1), visit(1), fewer, withWords(2), visit(2)];
    expect(ids([...statementRows(rows)])).toEqual([['w1', 'w2'], ['v1', 'v2'], ['f1']]);
  });

  it('groups by the shape the caller gives, when it gives one', () => {
    const rows = [visit(1), withWords(1), visit(2)];
    expect(ids([...statementRows(rows, 10, (r) => ('child_words' in r ? 'words' : 'none'))])).toEqual([['v1', 'v2'], ['w1']]);
  });
});
