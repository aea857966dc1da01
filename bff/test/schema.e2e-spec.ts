import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { createTestApp, freshDatabase, onMysql, TestApp } from './support/test-app';

describe('migrations and entities agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => t.close());

  it('leaves nothing for the schema builder to change after all migrations ran', async () => {
    expect(t.ds.options.synchronize).toBe(false);
    const pending = await t.ds.showMigrations();
    expect(pending).toBe(false);
    const log = await t.ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can revert every migration and apply them again', async () => {
    const count = t.ds.migrations.length;
    for (let i = 0; i < count; i++) await t.ds.undoLastMigration({ transaction: 'each' });
    await t.ds.runMigrations({ transaction: 'each' });
    expect(await t.ds.showMigrations()).toBe(false);
  });
});

describe('instances started together on one empty MySQL database', () => {
  // SQLite is one file opened by one BFF process; N instances are a MySQL deployment.
  (onMysql ? it : it.skip)('migrate one at a time under a lock and seed once', async () => {
    const db = await freshDatabase();
    const env = { DEMO: 'true', LOG_LEVEL: 'silent', H5_DIR: '', JOBS: 'false', ...db.env };
    const apps = await Promise.allSettled([0, 1, 2].map(() => createApp(loadConfig(env))));
    try {
      expect(apps.map((a) => (a.status === 'rejected' ? String(a.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const ds = (apps[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof createApp>>>).value.get(DataSource);
      const applied: { name: string; n: number }[] = await ds.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
      expect(applied).toHaveLength(ds.migrations.length);
      expect(applied.every((m) => Number(m.n) === 1)).toBe(true);
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM orgs WHERE code = 'DEMO-GRASSROOTS'");
      expect(Number(n)).toBe(1);
    } finally {
      for (const a of apps) if (a.status === 'fulfilled') await a.value.close();
      await db.drop();
    }
  });
});
