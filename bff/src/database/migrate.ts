import { DataSource } from 'typeorm';

/** How long an instance waits for another one's migrations before giving up (seconds). */
const LOCK_WAIT_SECONDS = 300;

/**
 * Runs the pending migrations, then `andThen` (the demo seed), while holding a database-wide lock,
 * so N instances started together migrate one at a time: the first applies them, the others wait,
 * then find nothing pending. On MySQL that is a named lock (GET_LOCK, held by one dedicated
 * connection and released on it, or by the server if the instance dies); SQLite is one file that one
 * process opens for writing at a time, so there is nothing to arbitrate.
 */
export async function migrateUnderLock(ds: DataSource, andThen?: () => Promise<unknown>): Promise<void> {
  const work = async () => {
    await ds.runMigrations({ transaction: 'each' });
    if (andThen) await andThen();
  };
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return work();

  const holder = ds.createQueryRunner();
  await holder.connect();
  try {
    const [{ name }] = await holder.query(`SELECT CONCAT('unionhome:migrate:', DATABASE()) AS name`);
    const [{ got }] = await holder.query('SELECT GET_LOCK(?, ?) AS got', [name, LOCK_WAIT_SECONDS]);
    if (Number(got) !== 1) throw new Error(`another instance has held the migration lock "${name}" for ${LOCK_WAIT_SECONDS} s; is it stuck?`);
    try {
      await work();
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await holder.release();
  }
}
