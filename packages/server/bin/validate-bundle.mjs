// `lantern validate ssda903` runs from one bundled file: starting tsx and loading ~30 TypeScript
// modules through its loader cost half a second of a two-second check. The bundle is made with
// esbuild (tsx's own) the first time and again whenever one of its source files changes, so
// there is still no build step between editing the code and running it.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = path.resolve(fileURLToPath(import.meta.url), '../..');
// In packages/server/node_modules, so that the bundle's npm imports resolve as the sources' do.
const DIR = path.join(SERVER, 'node_modules/.cache/lantern-validate-ssda903');
const MANIFEST = path.join(DIR, 'inputs.json');
const ENTRIES = { 'validate-ssda903': 'src/cli/validate-ssda903.ts', 'ssda903-worker': 'src/areas/returns/ssda903/check-worker-main.ts' };
// Bumped when the options below change, so an older bundle is made again.
const RECIPE = 1;

const stamp = (file) => {
  const s = statSync(path.resolve(SERVER, file), { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

/** Whether the bundle was made from the files as they are now. */
function fresh() {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return m.recipe === RECIPE && Object.entries(m.inputs).every(([file, was]) => stamp(file) === was);
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  // npm packages stay imports (node resolves them from the bundle's folder); Lantern's own
  // TypeScript, @lantern/core included, goes into the bundle.
  const npmExternal = {
    name: 'npm-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@lantern/') ? undefined : { path: a.path, external: true }));
    },
  };
  // Made in a folder of its own, then moved in (the list of inputs last): two commands starting at once each finish a whole bundle.
  const tmp = path.join(DIR, `building-${process.pid}`);
  const result = await esbuild.build({
    absWorkingDir: SERVER,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    plugins: [npmExternal],
    logLevel: 'silent',
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, stamp(f)]));
  for (const name of Object.keys(ENTRIES)) renameSync(path.join(tmp, `${name}.mjs`), path.join(DIR, `${name}.mjs`));
  writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify({ recipe: RECIPE, inputs }));
  renameSync(path.join(tmp, 'inputs.json'), MANIFEST);
  rmSync(tmp, { recursive: true, force: true });
}

/** The bundled command's file, made or made again when its sources changed; undefined when it cannot be made (tsx then runs the sources). */
export async function validateSsda903Bundle() {
  try {
    if (!fresh()) {
      mkdirSync(DIR, { recursive: true });
      await build();
    }
    return path.join(DIR, 'validate-ssda903.mjs');
  } catch (error) {
    if (process.env.LANTERN_DEBUG) process.stderr.write(`validate ssda903: no bundle (${error.message}); running the sources\n`);
    return undefined;
  }
}
