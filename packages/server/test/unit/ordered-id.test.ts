import { describe, expect, it } from 'vitest';
import { orderedId } from '../../src/kernel/db/ordered-id.ts';

describe('ids made in order for a bulk load', () => {
  it('are UUIDs of version 7, each new, in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, () => orderedId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('begin with the time they were made', () => {
    const before = Date.now();
    const id = orderedId();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 5); // at most a few milliseconds ahead, after a burst
  });
});
