// The second thread of `lantern validate ssda903` (check-run.ts): TypeScript through tsx, as the
// `lantern` command itself runs.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker-main.ts');
