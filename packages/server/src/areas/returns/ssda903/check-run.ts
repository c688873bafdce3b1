/**
 * `lantern validate ssda903` on both cores: the main thread and one worker each read the return;
 * the worker runs the year's rules from the first and posts each one's failing rows, and the main
 * thread turns them into report text and writes it in the DfE's rule order, so the report is the
 * same whichever thread ran a rule. With no text to write, the main thread runs rules from the last
 * until the two meet. Reading twice costs CPU, not time (it runs side by side); the rules are not
 * run twice, and what they derive (indexes, shared facts) mostly only on the worker. A rule the
 * worker took and did not give back (it failed) is run on the main thread. One thread for a small return.
 */
import { readFileSync } from 'node:fs';
import { stat, readdir } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkRule, planSsda903, type RuleFindings, Ssda903Return } from '@lantern/core/returns/ssda903/index';
import { type LoadedReturn, loadProviders, loadReturnDir, ReturnFileError } from './files.ts';
import { findingsText, type ReportFormat, reuseChunk } from './report-text.ts';

export interface CheckJob {
  dir: string;
  year: number;
  previous?: string;
  providers?: string;
  laCode?: string;
  postcodes?: string;
}

export interface OpenedReturn {
  ret: Ssda903Return;
  current: LoadedReturn;
  previous: LoadedReturn | undefined;
}

/** Read a return's folder (and last year's, the provider list and the postcodes it names) into the rules' form. */
export async function openReturn(job: CheckJob): Promise<OpenedReturn> {
  const current = await loadReturnDir(job.dir);
  const previous = job.previous ? await loadReturnDir(job.previous) : undefined;
  const providers = job.providers ? await loadProviders(job.providers) : undefined;
  if (current.files.length === 0) throw new ReturnFileError(`${job.dir} has no SSDA903 tables (CSV files with the DfE's column names)`);
  let postcodes: import('@lantern/core/returns/ssda903/postcodes').PostcodeDirectory | undefined;
  if (job.postcodes) {
    const { loadPostcodeDirectory, postcodesOf } = await import('./postcode-file.ts');
    postcodes = await loadPostcodeDirectory(job.postcodes, postcodesOf(current.tables.Episodes, previous?.tables.Episodes));
  }
  const ret = new Ssda903Return({
    year: job.year,
    tables: current.tables,
    previous: previous?.tables,
    providers,
    laCode: job.laCode?.toUpperCase(),
    postcodes,
  });
  return { ret, current, previous };
}

/** LANTERN_DEBUG's timings: ms since the process started, and this thread's CPU ms so far (where Linux's /proc tells it). */
export function debugTime(): string {
  let cpu = '';
  try {
    const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    cpu = `, ${((Number(f[11]) + Number(f[12])) * 10).toFixed(0)} CPU ms`;
  } catch {}
  return `${(process.uptime() * 1000).toFixed(0)} ms${cpu}`;
}

/** A rule's failing rows as the worker posts them (RuleFindings without the rule's info). */
export type FoundRows = { table: RuleFindings['table']; rows: number[]; fields: string[] }[];
/** What the worker posts: a rule's failing rows, or that it has finished or failed. */
export type WorkerMessage =
  | { k: number; code: string; found: FoundRows; count: number }
  | { done: true }
  | { failed: string }
  /** LANTERN_DEBUG's timings: when the worker had read the return, and had run its rules. */
  | { what: string; at: string };

export interface CheckOutcome {
  ran: string[];
  notRun: { code: string; reason: string }[];
  /** Failures of each rule that failed, in rule order. */
  byRule: Map<string, number>;
  count: number;
  threads: number;
}

/** A folder's CSV bytes in all: a return under a few MB is checked on one thread. */
async function folderBytes(dir: string): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir).catch(() => [])) n += (await stat(path.join(dir, name)).catch(() => undefined))?.size ?? 0;
  return n;
}

const PARALLEL_FROM_BYTES = 4 << 20;
/** Report text handed to the writer and not yet written, at most: the rules need not wait for each chunk. */
const WRITING_BYTES = 32 << 20;
/** The worker claims no new rule while this many of its failing rows wait to be written: memory stays bounded. */
export const PENDING_ROWS = 1 << 22;

/**
 * Whether a second thread would have a core to itself: more than one core, and the machine's load
 * leaving one free. On a busy machine the second thread only reads the return again (more CPU,
 * more memory, no sooner done).
 */
async function secondCoreFree(): Promise<boolean> {
  const cores = availableParallelism();
  return cores > 1 && (loadavg()[0] ?? 0) <= cores - 1;
}

/**
 * Check a return and write its report: `begin` is called once the return is read (to write the
 * report's head), then `write` with each rule's text in rule order (JSON items each start with a
 * comma: `begin`'s caller drops the first). `threads` 1 or 2; by default 2 for a large return on a
 * machine with a core to spare.
 */
export async function checkReturn(
  job: CheckJob,
  format: ReportFormat,
  hooks: {
    begin: (opened: OpenedReturn, plan: { ran: string[]; notRun: { code: string; reason: string }[] }) => Promise<void>;
    /** Resolves once the chunk is written (or copied): its bytes are then reused. */
    write: (chunk: string | Uint8Array) => Promise<void>;
  },
  threads?: number,
): Promise<CheckOutcome> {
  const wanted = threads ?? ((await secondCoreFree()) && (await folderBytes(job.dir)) >= PARALLEL_FROM_BYTES ? 2 : 1);
  // [0] failing rows the worker has posted and the main thread not yet written (it waits above PENDING_ROWS);
  // then one claim per rule (1 once a thread has taken it): the worker takes rules from the first, this
  // thread from the last when it has nothing to write.
  const shared = new Int32Array(new SharedArrayBuffer(4 * 512));
  const texts = new Map<number, { code: string; text?: (string | Uint8Array)[]; found?: FoundRows; count: number }>();
  let worker: Worker | undefined;
  let workerEnded = false;
  let wake: (() => void) | undefined;
  let workerError: string | undefined;
  let workerTimes = '';
  if (wanted > 1) {
    // Bundled (bin/validate-bundle.mjs), the worker's bundle lies beside this one; else tsx runs its source.
    const script = import.meta.url.endsWith('.ts') ? './check-worker.mjs' : './ssda903-worker.mjs';
    worker = new Worker(new URL(script, import.meta.url), { workerData: { job, shared: shared.buffer } });
    worker.on('message', (m: WorkerMessage) => {
      if ('k' in m) texts.set(m.k, { code: m.code, found: m.found, count: m.count });
      else if ('at' in m) workerTimes += `; worker ${m.what} at ${m.at}`;
      else {
        if ('failed' in m) workerError = m.failed;
        workerEnded = true;
        // Its heap (the whole return again) is freed while this thread still writes, not after.
        void worker?.terminate();
      }
      wake?.();
    });
    const ended = () => {
      workerEnded = true;
      wake?.();
    };
    worker.on('error', (e) => {
      workerError = e.message;
      ended();
    });
    worker.on('exit', ended);
  }
  try {
    const opened = await openReturn(job);
    const readAt = process.env.LANTERN_DEBUG ? debugTime() : '';
    const plan = planSsda903(opened.ret);
    const ran = plan.run.map((p) => p.info.code);
    if (ran.length > shared.length - 1) throw new Error(`${ran.length} rules: more than the claims made for them`);
    await hooks.begin(opened, { ran, notRun: plan.notRun });
    // Chunks handed to `write` and not yet written, oldest first (a stream writes in order).
    const writing: { written: Promise<void>; bytes: number }[] = [];
    let writingBytes = 0;
    const settleOne = async () => {
      const w = writing.shift()!;
      await w.written;
      writingBytes -= w.bytes;
    };
    const byRule = new Map<string, number>();
    let count = 0;
    let next = 0; // the next rule whose text is due
    let here = 0;
    const runHere = (k: number) => {
      here++;
      const { info, check } = plan.run[k]!;
      const findings = checkRule(opened.ret, info, check);
      texts.set(k, { code: info.code, text: findingsText(opened.ret, findings, format), count: findings.reduce((n, f) => n + f.rows.length, 0) });
    };
    const flush = async () => {
      for (let t = texts.get(next); t; t = texts.get(next)) {
        texts.delete(next);
        // The worker read the same return to the same plan; were it ever otherwise, the rule is run here.
        if (t.code !== ran[next]) {
          runHere(next);
          continue;
        }
        if (t.found) {
          Atomics.sub(shared, 0, t.count);
          Atomics.notify(shared, 0);
        }
        if (t.count) {
          byRule.set(ran[next]!, t.count);
          count += t.count;
          const { info } = plan.run[next]!;
          const found = t.found?.map((f) => ({ info, ...f }));
          const text = t.text ?? findingsText(opened.ret, found ?? [], format);
          for (const chunk of text) {
            // Not waited for (up to WRITING_BYTES): the rules go on while a slow reader of the
            // report (a pipe holds 64 KiB) takes the text already made.
            const written = hooks.write(chunk).then(() => reuseChunk(chunk));
            writing.push({ written, bytes: chunk.length });
            writingBytes += chunk.length;
            while (writingBytes > WRITING_BYTES) await settleOne();
          }
        }
        next++;
      }
    };
    if (!worker) {
      for (let k = 0; k < ran.length; k++) {
        runHere(k);
        await flush();
      }
    }
    // With the worker: write its rules' text as their rows come; with nothing to write, run a rule
    // from the end (until the worker has claimed them all); run here any rule it cannot give.
    let back = ran.length;
    for (;;) {
      await flush();
      if (next >= ran.length) {
        while (writing.length) await settleOne();
        break;
      }
      if (workerEnded || !worker) runHere(next);
      else if (back > next && Atomics.compareExchange(shared, back, 0, 1) === 0) {
        runHere(--back);
        await new Promise((r) => setImmediate(r)); // let the worker's rows in
      } else {
        back = 0;
        await new Promise<void>((r) => (wake = r));
      }
    }
    if (process.env.LANTERN_DEBUG)
      process.stderr.write(
        `ssda903: ${here} of ${ran.length} rules on the main thread${workerError ? `; worker: ${workerError}` : ''}; read at ${readAt}, done at ${debugTime()}${workerTimes}\n`,
      );
    return { ran, notRun: plan.notRun, byRule, count, threads: wanted };
  } finally {
    await worker?.terminate();
  }
}
