/**
 * A refusal the command line reports rather than throws (an import the record refuses, a return
 * file that cannot be read): its message and any details on stderr, exit code 2. The kind of
 * error is passed in, so that the modules that define it are still loaded only when a command runs.
 */
export function refused(kind: abstract new (...args: never[]) => Error): (error: unknown) => null {
  return (error) => {
    if (!(error instanceof kind)) throw error;
    const details = (error as { details?: readonly string[] }).details ?? [];
    process.stderr.write(`lantern: ${error.message}\n${details.map((d) => `  ${d}\n`).join('')}`);
    process.exitCode = 2;
    return null;
  };
}
