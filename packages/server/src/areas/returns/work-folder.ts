/**
 * Return files hold children's personal data, so they never stay on disk: a run writes to a work
 * folder only while it is made, keeps what it needs in memory (gzipped), and removes the folder
 * when it finishes, whether it succeeded or not. The folders carry a recognisable prefix and the
 * process id, so at start a server removes any a crashed process left, and never another running
 * server's.
 */
import { readdir, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const WORK_FOLDER_PREFIX = 'lantern-return-work-';

/** Runs `use` with a fresh private folder, removed afterwards whatever happens. */
export async function inWorkFolder<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), `${WORK_FOLDER_PREFIX}${process.pid}-`));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Removes the work folders of processes that are no longer running; returns how many. */
export async function removeLeftoverWorkFolders(root = tmpdir()): Promise<number> {
  let removed = 0;
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(WORK_FOLDER_PREFIX)) continue;
    const pid = Number(name.slice(WORK_FOLDER_PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) continue;
    if (pid === process.pid) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** A file's bytes held in memory, compressed (returns are text and shrink tenfold or more). */
export const pack = (bytes: Buffer) => gzipSync(bytes);
export const unpack = (packed: Buffer) => gunzipSync(packed);
