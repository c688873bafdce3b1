/**
 * What every `lantern` entry point shares: the program's error output, a reader that stops early,
 * the benches' resource report, and how a command's failure ends the process. main.ts (the whole
 * command line) and validate-ssda903.ts (that one command, bundled) both run through these.
 */
import { Command, InvalidArgumentError } from 'commander';

export function lanternProgram(): Command {
  // A reader that stops early (`| head`) closes the pipe: every command then stops quietly, with
  // no stack trace, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return new Command('lantern').showHelpAfterError().configureOutput({ outputError: (text, write) => write(text) });
}

export async function runProgram(program: Command): Promise<void> {
  // Benchmarks ask a command to report its own cost: whole-process wall time and peak memory
  // (the resident set includes the embedded database's worker thread).
  if (process.env.LANTERN_REPORT_RESOURCES) {
    const began = performance.now();
    process.once('exit', () => {
      const usage = process.resourceUsage();
      const report = { seconds: (performance.now() - began) / 1000, peakMiB: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
      process.stderr.write(`LANTERN_RESOURCES ${JSON.stringify(report)}\n`);
    });
  }
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof InvalidArgumentError) process.exitCode = 2;
    else {
      process.stderr.write(`lantern: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
