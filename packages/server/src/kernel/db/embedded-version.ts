/**
 * The embedded store's own version, kept beside its data (`lantern-store.json` in the data
 * folder): the PGlite release and the PostgreSQL major version that wrote the folder. PGlite
 * promises nothing about reading a folder written by another minor release (0.x), and a new
 * PostgreSQL major never reads an old one's files; opening one anyway can fail half-way or
 * corrupt it. So an upgrade across either is refused before the folder is opened, with the
 * dump-and-restore to run instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export const STORE_VERSION_FILE = 'lantern-store.json';

export type EmbeddedVersion = { pglite: string; postgres: string };

/** The PGlite this Lantern runs (its package's own version). */
export function installedPglite(): string {
  // The package does not export its package.json: found from its entry point, up to its root.
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while ((!existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== 'pglite') && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** 0.5.16 and 0.5.20 read each other's folders; 0.5 and 0.6 may not (0.x: a minor release may break). */
function series(version: string): string {
  const [major = '0', minor = '0'] = version.split('.');
  return major === '0' ? `0.${minor}` : major;
}

export class EmbeddedUpgradeError extends Error {
  constructor(dataDir: string, found: EmbeddedVersion, running: string) {
    super(
      `The data folder ${dataDir} was written by PGlite ${found.pglite} (PostgreSQL ${found.postgres}); this Lantern runs PGlite ${running}, ` +
        'which may not read it. Nothing was opened or changed. Either go back to the Lantern release that wrote it (the folder is as it was), ' +
        "or move the data by dump and restore, with PGlite's socket server (@electric-sql/pglite-socket) and pg_dump of PostgreSQL " +
        `${found.postgres} or newer:\n` +
        `  1. with the release that wrote it:  npx pglite-server --db=${dataDir}/pg --port=5499 & pg_dump -h 127.0.0.1 -p 5499 -U postgres --no-owner -f lantern.sql postgres\n` +
        `  2. with this release, a new folder:  npx pglite-server --db=${dataDir}.new/pg --port=5499 & psql -h 127.0.0.1 -p 5499 -U postgres -f lantern.sql postgres\n` +
        `  3. then:                             npx lantern migrate --data-dir ${dataDir}.new, and use ${dataDir}.new as the data folder\n` +
        'or restore lantern.sql into PostgreSQL and set DATABASE_URL. See "Upgrades and rollback" in docs/operations.md.',
    );
    this.name = 'EmbeddedUpgradeError';
  }
}

/** Refuses a folder whose recorded PGlite is of another series than the one installed. */
export async function checkEmbeddedVersion(dataDir: string, running = installedPglite()): Promise<void> {
  const file = path.join(dataDir, STORE_VERSION_FILE);
  if (!existsSync(file)) return; // a new folder, or one from before the version was kept
  const found = JSON.parse(await readFile(file, 'utf8')) as EmbeddedVersion;
  if (series(found.pglite) !== series(running)) throw new EmbeddedUpgradeError(dataDir, found, running);
}

/** Notes which PGlite and PostgreSQL now hold the folder (after it opened and migrated). */
export async function recordEmbeddedVersion(dataDir: string, db: Kysely<Database>): Promise<EmbeddedVersion> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  const version: EmbeddedVersion = { pglite: installedPglite(), postgres: (rows[0]?.v ?? '').split('.')[0] ?? '' };
  await writeFile(path.join(dataDir, STORE_VERSION_FILE), `${JSON.stringify(version, null, 2)}\n`);
  return version;
}
