// The root package's postinstall (`npm install`): makes the empty embedded database new data folders
// start from (embedded-template.ts), and the command line's bundle (bin/bundle.mjs), so the first
// `npm start` pays for neither. Never fails the install, even without tsx: a new folder is then
// created the long way at its first start, and the bundle made there.
try {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./embedded-template.ts');
} catch (error) {
  process.stderr.write(
    `lantern: could not make the empty embedded database (${error?.message ?? error}); a new data folder will be created at its first start instead\n`,
  );
}
// bundleOf never throws: without esbuild the command line runs its sources through tsx.
await (await import('../bin/bundle.mjs')).commandLineBundle();
