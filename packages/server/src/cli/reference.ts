/** `lantern reference postcodes load FILE`: the ONS Postcode Directory into the database. */
import { Command } from 'commander';
import { dataDirHelp } from './options.ts';
import { refused } from './refused.ts';

export function referenceCommand(): Command {
  const reference = new Command('reference').description('national reference data the returns need');
  const postcodes = new Command('postcodes').description('the ONS Postcode Directory (for SSDA903 PL_LA, PL_LOCATION and PL_DISTANCE)');
  postcodes
    .command('load')
    .description(
      "replace the database's postcode directory with FILE: the ONS's zip or CSV (pcd, oseast1m, osnrth1m, laua or lad25cd) or the compact .tsv(.gz)",
    )
    .argument('<FILE>', 'the directory file')
    .option('--data-dir <DIR>', dataDirHelp)
    .action(async (file: string, opts: { dataDir?: string }) => {
      const { openStore, storeOptionsFrom } = await import('../kernel/db/store.ts');
      const { loadPostcodesIntoDatabase } = await import('../areas/returns/index.ts');
      const { ReturnFileError } = await import('../areas/returns/ssda903/files.ts');
      const store = await openStore(storeOptionsFrom(process.env, opts.dataDir));
      try {
        const started = Date.now();
        let shown = 0;
        const n = await loadPostcodesIntoDatabase(store.db, file, (loaded) => {
          if (process.stderr.isTTY && loaded - shown >= 200_000) {
            shown = loaded;
            process.stderr.write(`\r${loaded.toLocaleString('en-GB')} postcodes…`);
          }
        });
        if (shown) process.stderr.write('\n');
        process.stdout.write(`Loaded ${n.toLocaleString('en-GB')} postcodes from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      } catch (error) {
        refused(ReturnFileError)(error);
      } finally {
        await store.close();
      }
    });
  reference.addCommand(postcodes);
  return reference;
}
