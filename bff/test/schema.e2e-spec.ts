import { createTestApp, TestApp } from './support/test-app';

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
