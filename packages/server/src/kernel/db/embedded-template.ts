/**
 * The empty embedded database a new data folder starts from. Creating a PostgreSQL cluster in
 * PGlite (its initdb) and applying every migration took a third of the demo's first start (8 s of
 * CPU, and 800 MiB held while it ran), and the result is the same for every new folder. So the
 * install makes it once (`npm install` runs scripts/embedded-template.ts): a cluster created by
 * this PGlite and migrated by this release's migrations, with nothing of any council in it. A new
 * folder is a copy of it; migrations the copy lacks (a newer release's) then run on it as on any
 * folder. A template made by another PGlite, or from migrations that have changed since, is not
 * used: the folder is created the long way, as without one.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { installedPglite } from './embedded-version.ts';
import { loadMigrations, type Migration } from './migrate.ts';

/** Where the install keeps it: the cluster in `pg`, and `template.json` naming what made it. */
export const TEMPLATE_HOME = new URL('../../../.embedded-template/', import.meta.url).pathname;

export type TemplateManifest = { pglite: string; migrations: { version: string; sha256: string }[] };

export function manifestOf(migrations: Migration[], pglite = installedPglite()): TemplateManifest {
  return { pglite, migrations: migrations.map((m) => ({ version: m.version, sha256: createHash('sha256').update(m.sql).digest('hex') })) };
}

/**
 * Whether the template in `home` was made by this PGlite from migrations this release has, unchanged
 * (`exact`: from all of them — what the install asks, so an upgrade's install makes it afresh
 * rather than leave every new folder to run the newer migrations at its first start).
 */
export function templateUsable(home = TEMPLATE_HOME, { exact = false } = {}): boolean {
  const file = path.join(home, 'template.json');
  if (!existsSync(file) || !existsSync(path.join(home, 'pg'))) return false;
  let made: TemplateManifest;
  try {
    made = JSON.parse(readFileSync(file, 'utf8')) as TemplateManifest;
  } catch {
    return false;
  }
  const now = manifestOf(loadMigrations());
  if (made.pglite !== now.pglite || made.migrations.length > now.migrations.length) return false;
  if (exact && made.migrations.length !== now.migrations.length) return false;
  return made.migrations.every((m, i) => m.version === now.migrations[i]?.version && m.sha256 === now.migrations[i]?.sha256);
}

/**
 * Before PGlite opens `pgDir`: when it is new (absent or empty) and a usable template is there,
 * makes it a copy of the template, and returns true. Copied beside it and renamed into place, so
 * a copy cut short never looks like a database. Synchronous (a fraction of a second): the
 * database's thread then starts at once, while the server's modules load.
 */
export function startFromTemplate(pgDir: string, home = TEMPLATE_HOME): boolean {
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) return false;
  if (!templateUsable(home)) return false;
  const copying = `${pgDir}.copying`;
  rmSync(copying, { recursive: true, force: true });
  cpSync(path.join(home, 'pg'), copying, { recursive: true });
  rmSync(pgDir, { recursive: true, force: true });
  renameSync(copying, pgDir);
  return true;
}
