/**
 * The `lantern` command run as a separate process, as an operator would run it: for the CLI tests,
 * with or without a store of the kind under test.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { storeForCommand } from './db.ts';

const run = promisify(execFile);
const LANTERN = new URL('../../bin/lantern.mjs', import.meta.url).pathname;

/** Runs `lantern <args>`; rejects (with its exit code and output) when it exits other than 0. */
export const lantern = (args: string[], env?: NodeJS.ProcessEnv) => run('node', [LANTERN, ...args], { env });

/** Runs `lantern <args>` and gives its exit status with its output, whether or not it failed. */
export async function lanternExit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await lantern(args);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type CommandStore = Awaited<ReturnType<typeof storeForCommand>>;

/**
 * For the file it is called in: a store of the kind under test that `prepare` fills before the
 * tests (storeForCommand), removed after them. `lantern(args)` runs the command against it;
 * `open()` opens it again from the test.
 */
export function lanternAgainstStore(prefix: string, prepare: Parameters<typeof storeForCommand>[1]) {
  const store = {} as CommandStore;
  beforeAll(async () => {
    Object.assign(store, await storeForCommand(prefix, prepare));
  }, 120_000);
  afterAll(() => store.cleanup?.());
  return { lantern: (args: string[]) => lantern(args, store.env), open: () => store.open() };
}
