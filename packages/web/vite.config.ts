import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createLogger, defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
/** govuk-frontend's dist/govuk folder, wherever npm put the package. */
const govukDir = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const govukAssets = path.join(govukDir, 'assets');

const MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The GOV.UK stylesheet asks for its fonts and images at /assets/fonts and /assets/images.
 * The server serves only packages/web/dist, so copy them there on build, and serve them
 * straight from node_modules in dev.
 */
function govukAssetsPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lantern-govuk-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/assets', (req, res, next) => {
        const file = path.join(govukAssets, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
        if (!file.startsWith(govukAssets) || !existsSync(file) || !path.extname(file)) return next();
        res.setHeader('content-type', MIME[path.extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    closeBundle() {
      cpSync(govukAssets, path.join(outDir, 'assets'), { recursive: true });
    },
  };
}

/** Vite's logger, quiet about the old-browser CSS hacks dropped on purpose (see `css` below). */
const logger = createLogger();
const warn = logger.warn.bind(logger);
logger.warn = (msg, options) => {
  if (!msg.includes('[lightningcss minify]')) warn(msg, options);
};

export default defineConfig({
  customLogger: logger,
  plugins: [react(), govukAssetsPlugin()],
  css: {
    // govuk-frontend's stylesheet keeps an old-browser hack (`@media screen\0`) that
    // LightningCSS cannot parse; recover by dropping just that rule when minifying.
    lightningcss: { errorRecovery: true },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite's own files go to /static so they never collide with GOV.UK's /assets.
    assetsDir: 'static',
    // No source maps: the served app stays minified, its original source not handed to anyone.
    sourcemap: false,
    rolldownOptions: {
      // GOV.UK's fonts and images are copied in by the plugin above, not bundled.
      external: [/^\/assets\//],
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
