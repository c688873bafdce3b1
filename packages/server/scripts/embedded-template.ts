/**
 * `npm install` runs this (the root package's postinstall, through postinstall.mjs): makes the empty, migrated embedded
 * database new data folders start from (src/kernel/db/embedded-template.ts), unless the one there
 * is current. It never fails the install: without a template a new folder is created the long way.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadMigrations } from '../src/kernel/db/migrate.ts';
import { manifestOf, TEMPLATE_HOME, templateUsable } from '../src/kernel/db/embedded-template.ts';
import { openStore } from '../src/kernel/db/store.ts';

async function main(): Promise<string> {
  if (templateUsable(TEMPLATE_HOME, { exact: true })) return 'the empty embedded database is current';
  const began = performance.now();
  const parent = path.dirname(path.resolve(TEMPLATE_HOME));
  // Made beside its place and renamed into it, so a run cut short leaves no half-made template.
  const work = await mkdtemp(path.join(parent, '.embedded-template-'));
  try {
    // The migrations read now are the ones the store applies below.
    const manifest = manifestOf(loadMigrations());
    const store = await openStore({ kind: 'pglite', dataDir: path.join(work, 'folder') });
    await store.close();
    await rename(path.join(work, 'folder', 'pg'), path.join(work, 'pg'));
    await rm(path.join(work, 'folder'), { recursive: true, force: true });
    await writeFile(path.join(work, 'template.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(TEMPLATE_HOME, { recursive: true, force: true });
    await rename(work, TEMPLATE_HOME);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return `made the empty embedded database new data folders start from (${((performance.now() - began) / 1000).toFixed(1)} s)`;
}

try {
  process.stdout.write(`lantern: ${await main()}\n`);
} catch (error) {
  process.stderr.write(
    `lantern: could not make the empty embedded database (${(error as Error).message}); a new data folder will be created at its first start instead\n`,
  );
}
