// A command run from one bundled file instead of its TypeScript sources through tsx: starting tsx
// and loading hundreds of modules through its loader costs a second or more of a command's start.
// Each bundle is made with esbuild (tsx's own) the first time and again whenever one of its source
// files changes, so there is still no build step between editing the code and running it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = path.resolve(fileURLToPath(import.meta.url), '../..');

const stamp = (file) => {
  const s = statSync(path.resolve(SERVER, file), { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

/** Whether the bundle in `dir` was made by this recipe from the files as they are now. */
function fresh(dir, recipe) {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
    return m.recipe === recipe && Object.entries(m.inputs).every(([file, was]) => stamp(file) === was);
  } catch {
    return false;
  }
}

async function build(dir, { entries, recipe, sourceUrls }) {
  const esbuild = await import('esbuild');
  // npm packages stay imports (node resolves them from the bundle's folder); Lantern's own
  // TypeScript, @lantern/core included, goes into the bundle.
  const npmExternal = {
    name: 'npm-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@lantern/') ? undefined : { path: a.path, external: true }));
    },
  };
  // Each module keeps its own file's URL as import.meta.url, so what it finds beside itself (the
  // migrations, the embedded database's worker, the web app's build, the reference data) it finds
  // where it did from the sources.
  const ownUrls = {
    name: 'own-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (a) => ({
        contents: (await readFile(a.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
        loader: 'ts',
      }));
    },
  };
  // Made in a folder of its own, then moved in (the list of inputs last): two commands starting at once each finish a whole bundle.
  const tmp = path.join(dir, `building-${process.pid}`);
  const result = await esbuild.build({
    absWorkingDir: SERVER,
    entryPoints: entries,
    bundle: true,
    // Shared code in chunks of its own, so a module imported late (import()) is still loaded late.
    splitting: sourceUrls,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    plugins: sourceUrls ? [npmExternal, ownUrls] : [npmExternal],
    logLevel: 'silent',
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, stamp(f)]));
  // Chunks are named by their content: every file moved in before the entries that import them.
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.basename(f));
  const entryFiles = new Set(Object.keys(entries).map((name) => `${name}.mjs`));
  for (const file of [...outputs.filter((f) => !entryFiles.has(f)), ...entryFiles]) renameSync(path.join(tmp, file), path.join(dir, file));
  writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify({ recipe, inputs }));
  renameSync(path.join(tmp, 'inputs.json'), path.join(dir, 'inputs.json'));
  rmSync(tmp, { recursive: true, force: true });
  // Chunks of earlier builds, once no command can still be loading them.
  const kept = new Set([...outputs, 'inputs.json']);
  for (const file of readdirSync(dir))
    if (file.endsWith('.mjs') && !kept.has(file) && statSync(path.join(dir, file)).mtimeMs < Date.now() - 3600_000) rmSync(path.join(dir, file), { force: true });
}

/**
 * The bundle's folder (in packages/server/node_modules, so that its npm imports resolve as the
 * sources' do), made or made again when its sources changed; undefined when it cannot be made
 * (tsx then runs the sources). `entries` names each output file's source; `recipe` is bumped when
 * the options change; `sourceUrls` keeps each module's own import.meta.url (see above).
 * @param {string} name @param {{ entries: Record<string, string>, recipe: number, sourceUrls?: boolean }} how
 */
export async function bundleOf(name, how) {
  const dir = path.join(SERVER, 'node_modules/.cache', name);
  try {
    if (!fresh(dir, how.recipe)) {
      mkdirSync(dir, { recursive: true });
      await build(dir, { sourceUrls: false, ...how });
    }
    return dir;
  } catch (error) {
    if (process.env.LANTERN_DEBUG) process.stderr.write(`${name}: no bundle (${error.message}); running the sources\n`);
    return undefined;
  }
}

/** The command line's bundle (`lantern start` and `lantern seed` run from it): made at install, and again when a source changes. */
export const commandLineBundle = () => bundleOf('lantern-cli', { entries: { main: 'src/cli/main.ts' }, recipe: 1, sourceUrls: true });
