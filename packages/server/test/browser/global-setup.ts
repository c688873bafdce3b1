import { ensureWebBuilt } from './web-build.ts';

/** Vitest globalSetup for the browser project: build the web app once, before any browser test. */
export default function setup(): void {
  ensureWebBuilt();
}
