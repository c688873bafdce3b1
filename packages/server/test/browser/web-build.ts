import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const WEB = path.join(ROOT, 'packages', 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');
/** What the built app is made from: a change to any of these makes dist stale. */
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'package.json'),
  path.join(ROOT, 'packages', 'core', 'src'),
];

function newestChange(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestChange(path.join(p, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newestChange(s) > built);
}

/** Builds packages/web into dist when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  try {
    execFileSync('npm', ['run', 'build', '--workspace', '@lantern/web'], { cwd: ROOT, stdio: 'pipe', shell: process.platform === 'win32' });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`Building the web app failed: ${e.message}\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}
