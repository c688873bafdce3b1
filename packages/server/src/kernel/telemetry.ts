/**
 * What the kernel and the areas tell the metrics (kernel/http/metrics.ts), through Node's
 * diagnostics_channel: publishing costs nothing when no server listens (the command line), and
 * the areas need not know about Prometheus. No message carries personal data: rule ids, return
 * kinds, outcomes and seconds only.
 */
import diagnostics from 'node:diagnostics_channel';

export const CHANNELS = {
  deadlineRefresh: diagnostics.channel('lantern:deadline-refresh'),
  returnRun: diagnostics.channel('lantern:return-run'),
  signIn: diagnostics.channel('lantern:sign-in'),
  job: diagnostics.channel('lantern:job'),
} as const;

export type DeadlineRefresh = { seconds: number; children: number | 'all' };
export type ReturnRun = { operation: 'import' | 'export' | 'validate'; format: string; outcome: 'ok' | 'failed'; seconds: number };
export type SignInEvent = { outcome: 'failed' | 'locked' };
export type JobRun = { job: string; outcome: 'ran' | 'failed' | 'skipped'; seconds: number };

/** Times `work` and publishes a return's import, export or validation with its outcome. */
export async function timedReturn<T>(operation: ReturnRun['operation'], format: string, work: () => Promise<T>): Promise<T> {
  const began = performance.now();
  let outcome: ReturnRun['outcome'] = 'failed';
  try {
    const result = await work();
    outcome = 'ok';
    return result;
  } finally {
    if (CHANNELS.returnRun.hasSubscribers)
      CHANNELS.returnRun.publish({ operation, format, outcome, seconds: (performance.now() - began) / 1000 } satisfies ReturnRun);
  }
}
