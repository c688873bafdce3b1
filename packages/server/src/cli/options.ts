import { Command, InvalidArgumentError } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../kernel/db/schema.ts';

export function wholeNumber(name: string, min = 0) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}`);
    return Number(value);
  };
}

/** A collection year, named by the year it ends in (2026 = 2025/26). */
export function collectionYear(value: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 2000) throw new InvalidArgumentError('--year must be a collection year written YYYY (2026 = 2025/26)');
  return Number(value);
}

export const dataDirHelp = 'the embedded database folder (default ./data, or LANTERN_DATA_DIR); ignored when DATABASE_URL is set';

/** The council a command acts for: the one named with --la-code, or the only one in the database. */
export async function councilOf(db: Kysely<Database>, laCode?: string): Promise<string> {
  const councils = await db.selectFrom('local_authority').select('la_code').execute();
  const code = laCode ?? (councils.length === 1 ? councils[0]?.la_code : undefined);
  if (!code) throw new Error(councils.length ? `There are ${councils.length} councils: say which with --la-code` : 'There is no council in this database yet');
  return code;
}

/**
 * Opens the database, finds the council and runs a command's work on it, closing the database
 * however the work ends. The work sees that council alone, as a request does (row-level security:
 * the database's own wall, not the command line's wildcard). The store is imported when the
 * command runs, so `--help` stays quick.
 */
export async function onCouncil<T>(opts: { laCode?: string; dataDir?: string }, work: (db: Kysely<Database>, laCode: string) => Promise<T>): Promise<T> {
  const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
  const { withCouncil } = await import('../kernel/db/council.ts');
  const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
  try {
    const laCode = await councilOf(store.db, opts.laCode);
    return await withCouncil(laCode, () => work(store.db, laCode));
  } finally {
    await store.close();
  }
}

/** A command that acts for one council, with the options every such command takes. */
export function councilCommand(name: string): Command {
  return new Command(name).option('--la-code <CODE>', 'the council (default: the only one in the database)').option('--data-dir <DIR>', dataDirHelp);
}
