// `lantern validate ssda903` runs from one bundled file (bundle.mjs): starting tsx and loading ~30
// TypeScript modules through its loader cost half a second of a two-second check.
import path from 'node:path';
import { bundleOf } from './bundle.mjs';

/** The bundled command's file, made or made again when its sources changed; undefined when it cannot be made (tsx then runs the sources). */
export async function validateSsda903Bundle() {
  const dir = await bundleOf('lantern-validate-ssda903', {
    entries: { 'validate-ssda903': 'src/cli/validate-ssda903.ts', 'ssda903-worker': 'src/areas/returns/ssda903/check-worker-main.ts' },
    recipe: 1,
  });
  return dir && path.join(dir, 'validate-ssda903.mjs');
}
