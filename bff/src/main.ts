import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // One clear line, no stack: the operator fixes the environment and starts again.
      console.error(`UnionHome cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const { createApp } = await import('./app.factory');
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const db = config.db.kind === 'mysql' ? 'MySQL' : `SQLite (${config.db.file})`;
  console.log(`\nUnionHome 职工e家 is running at ${url}/  (API ${url}/api/v1, docs ${url}/api/docs, database ${db}, ready in ${Date.now() - started} ms)`);
  if (!config.h5Dir) console.log('The H5 mini-app is not built: run `npm run build` to serve it at /.');
}

main().catch((err) => {
  console.error('UnionHome failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
