import { backupCommand, restoreCommand } from './backup.ts';
import { calendarCommand } from './calendar.ts';
import { feedCommand } from './exchange.ts';
import { kpiCommand } from './kpi.ts';
import { migrateCommand, seedCommand } from './database.ts';
import { obligationsCommand } from './obligations.ts';
import { lanternProgram, runProgram } from './program.ts';
import { referenceCommand } from './reference.ts';
import { returnsCommands } from './returns.ts';
import { startCommand } from './start.ts';

const program = lanternProgram().description("Lantern: case management for children's social care in England");

// The areas' deadline rules, registered with the timescales engine before a command runs;
// checking a return's file touches no deadline, and loading them is a second of its start-up.
// The server's start loads them itself, once the embedded database has begun to start.
program.hook('preAction', async (_program, command) => {
  if (command.parent?.name() !== 'validate' && command.name() !== 'start') await import('../areas/obligation-rules.ts');
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

await runProgram(program);
