import { Command, InvalidArgumentError } from 'commander';
import { backupCommand, restoreCommand } from './backup.ts';
import { calendarCommand } from './calendar.ts';
import { feedCommand } from './exchange.ts';
import { kpiCommand } from './kpi.ts';
import { migrateCommand, seedCommand } from './database.ts';
import { obligationsCommand } from './obligations.ts';
import { referenceCommand } from './reference.ts';
import { returnsCommands } from './returns.ts';
import { startCommand } from './start.ts';

const program = new Command('lantern')
  .description("Lantern: case management for children's social care in England")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

// A reader that stops early (`| head`) closes the pipe: every command then stops quietly, with
// no stack trace, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The areas' deadline rules, registered with the timescales engine before a command runs;
// checking a return's file touches no deadline, and loading them is a second of its start-up.
program.hook('preAction', async (_program, command) => {
  if (command.parent?.name() !== 'validate') await import('../areas/obligation-rules.ts');
});

program.addCommand(startCommand());
program.addCommand(seedCommand());
program.addCommand(migrateCommand());
program.addCommand(calendarCommand());
program.addCommand(obligationsCommand());
for (const command of returnsCommands()) program.addCommand(command);
program.addCommand(feedCommand());
program.addCommand(kpiCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(referenceCommand());

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
