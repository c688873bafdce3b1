/**
 * `npm run docs:config`: writes docs/configuration.md from the settings table in
 * src/kernel/config.ts. test/unit/configuration.test.ts fails when the page is out of date.
 */
import { writeFileSync } from 'node:fs';
import { configurationMarkdown } from '../src/kernel/config.ts';

export const CONFIGURATION_DOC = new URL('../../../docs/configuration.md', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(CONFIGURATION_DOC, configurationMarkdown());
  console.log('docs/configuration.md written from packages/server/src/kernel/config.ts');
}
