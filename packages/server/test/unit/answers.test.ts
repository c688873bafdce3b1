import { childCase } from '@lantern/core/views';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactAnswerSerializer } from '../../src/kernel/http/answers.ts';

const answer = z.object({ results: z.array(z.object({ childId: z.uuid(), name: z.string() })), total: z.number().int() });
const serialize = exactAnswerSerializer({ schema: answer, method: 'GET', url: '/api/children' });
/** Why the serializer refused an answer (the error's cause), or null when it did not. */
function refusal(data: unknown): string | null {
  try {
    serialize(data);
    return null;
  } catch (error) {
    return String((error as { cause?: { message?: string } }).cause?.message);
  }
}
const child = { childId: '6f1c2a9e-3b7d-4c1e-9a2b-1d3e4f5a6b7c', name: 'Amy Smith' };

describe('an exact answer (sent without zod encoding it, checked under the tests)', () => {
  it('is sent as the handler built it', () => {
    expect(JSON.parse(serialize({ results: [child], total: 1 }))).toEqual({ results: [child], total: 1 });
  });

  it('fails under the tests when the handler adds a field the schema would have dropped', () => {
    expect(refusal({ results: [{ ...child, restricted: true }], total: 1 })).toMatch(/not exactly its schema/);
  });

  it('fails under the tests when a field breaks the schema', () => {
    expect(refusal({ results: [{ ...child, childId: 'not-a-uuid' }], total: 1 })).toMatch(/uuid|UUID/);
    expect(refusal({ results: [child], total: 1.5 })).toMatch(/int/);
    expect(refusal({ results: [child], total: 1 })).toBeNull();
  });

  it('is not checked outside the tests, where it is written as it is', () => {
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    try {
      const plain = exactAnswerSerializer({ schema: childCase, method: 'GET', url: '/api/children/:childId' });
      expect(plain({ extra: 1 })).toBe('{"extra":1}');
    } finally {
      process.env.VITEST = vitest;
    }
  });
});
