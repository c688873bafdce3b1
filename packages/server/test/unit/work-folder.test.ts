import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inWorkFolder, removeLeftoverWorkFolders, WORK_FOLDER_PREFIX } from '../../src/areas/returns/work-folder.ts';

const root = mkdtempSync(path.join(tmpdir(), 'lantern-work-folder-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A process id no process has: the highest allowed, checked. */
function deadPid(): number {
  for (let pid = 4_194_000; pid > 100_000; pid -= 7) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as { code?: string }).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free pid found');
}

describe('return work folders', () => {
  it('are removed when the work finishes, and when it fails', async () => {
    let seen = '';
    await inWorkFolder(async (dir) => {
      seen = dir;
      writeFileSync(path.join(dir, 'return.xml'), '<Child/>');
    });
    expect(path.basename(seen).startsWith(`${WORK_FOLDER_PREFIX}${process.pid}-`)).toBe(true);
    expect(existsSync(seen)).toBe(false);
    await expect(
      inWorkFolder(async (dir) => {
        seen = dir;
        writeFileSync(path.join(dir, 'return.xml'), '<Child/>');
        throw new Error('export failed');
      }),
    ).rejects.toThrow('export failed');
    expect(existsSync(seen)).toBe(false);
  });

  it('left by a crashed process are removed at start; a running process’s and other folders are kept', async () => {
    const crashed = path.join(root, `${WORK_FOLDER_PREFIX}${deadPid()}-abc123`);
    const running = path.join(root, `${WORK_FOLDER_PREFIX}${process.ppid}-def456`);
    const other = path.join(root, 'lantern-ssda903-keep');
    for (const dir of [crashed, running, other]) {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'header.csv'), 'CHILD,SEX\n1,1\n');
    }
    expect(await removeLeftoverWorkFolders(root)).toBe(1);
    expect(readdirSync(root).sort()).toEqual([path.basename(running), path.basename(other)].sort());
  });
});
