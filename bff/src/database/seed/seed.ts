import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/pii-cipher';
import { TransactionRunner } from '../../common/transaction-runner';
import { UserEntity } from '../../users/entities/user.entity';
import { seedFoundation } from './foundation.seed';
import { SeedContext, Seeder } from './seed-context';

/** Each domain's demo data, in order (later seeders use the orgs and users of earlier ones). */
export const SEEDERS: Seeder[] = [seedFoundation];

/** Seeds the demo data of API.md, only into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(ds: DataSource, tx: TransactionRunner, cipher: PiiCipher, clock: Clock): Promise<boolean> {
  if ((await ds.manager.count(UserEntity)) > 0) return false;
  await tx.run(async (em) => {
    const ctx: SeedContext = { em, cipher, clock, orgIds: {}, userIds: {} };
    for (const seeder of SEEDERS) await seeder(ctx);
  });
  return true;
}
