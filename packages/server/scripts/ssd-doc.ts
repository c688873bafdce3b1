/**
 * `npm run docs:ssd`: writes docs/ssd.md from the SSD tables in src/areas/exchange/ssd/.
 * test/unit/ssd-doc.test.ts fails when the page is out of date.
 */
import { writeFileSync } from 'node:fs';
import { ssdMarkdown } from '../src/areas/exchange/ssd/docs.ts';

export const SSD_DOC = new URL('../../../docs/ssd.md', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  writeFileSync(SSD_DOC, ssdMarkdown());
  console.log('docs/ssd.md written from packages/server/src/areas/exchange/ssd/');
}
