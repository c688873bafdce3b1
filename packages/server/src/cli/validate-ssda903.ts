/**
 * `lantern validate ssda903` on its own: the command without the rest of the CLI, so that the
 * launcher (bin/lantern.mjs) can run it from one bundled file, with no TypeScript loader to start.
 */
import { Command } from 'commander';
import { lanternProgram, runProgram } from './program.ts';
import { addSsda903Validate } from './ssda903.ts';

const program = lanternProgram();
program.addCommand(addSsda903Validate(new Command('validate')));
await runProgram(program);
// The report is written (stdout and stderr write synchronously to files, pipes and terminals on
// Linux): the process ends here rather than freeing a heap of hundreds of MB first.
process.exit();
