/**
 * `lantern validate ssda903` on its own: the command without the rest of the CLI, so that the
 * launcher (bin/lantern.mjs) can run it from one bundled file, with no TypeScript loader to start.
 */
import { Command } from 'commander';
import { addSsda903Validate } from './ssda903.ts';

const program = new Command('lantern').showHelpAfterError().configureOutput({ outputError: (text, write) => write(text) });
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
program.addCommand(addSsda903Validate(new Command('validate')));
await program.parseAsync(process.argv);
