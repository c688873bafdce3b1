import { expect } from 'vitest';

/**
 * That a rate or count lies strictly between `low` and `high`: how the seed tests hold the demo
 * council near England's figures without pinning the generator's exact numbers.
 */
export function expectBetween(value: number, low: number, high: number) {
  expect(value).toBeGreaterThan(low);
  expect(value).toBeLessThan(high);
}
