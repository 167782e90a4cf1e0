// A generator worker thread's entry (see workers.ts): registers tsx in this thread, as
// bin/renshe.mjs does for the process, so the TypeScript worker and the row maker it imports
// load the same way under `npx renshe`, vitest and the benches.
import { register } from 'tsx/esm/api';
register();
await import('./worker-thread.ts');
