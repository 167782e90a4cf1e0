// The Renshe server as the benchmark starts it: the real app (routes, auth, scope, audit) on
// the benchmark's database, listening on a free loopback port that it prints as JSON. Its
// bare route is /healthz (no session, no database): the baseline for the API line.
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase } from '../server/src/platform/db';

const config = { ...loadConfig(), logLevel: 'warn' };
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const { app } = await buildApp({ config, database });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ ready: true, port: typeof address === 'object' && address ? address.port : 0, pid: process.pid }));
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
