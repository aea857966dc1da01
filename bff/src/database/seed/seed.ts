import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/pii-cipher';
import { TransactionRunner } from '../../common/transaction-runner';
import { UserEntity } from '../../users/entities/user.entity';
import { seedClaims } from './claims.seed';
import { seedFoundation } from './foundation.seed';
import { seedHardship } from './hardship.seed';
import { seedMembership } from './membership.seed';
import { SeedContext, Seeder } from './seed-context';
import { seedVenues } from './venues.seed';

/** Each domain's demo data, in order (later seeders use the orgs and users of earlier ones). */
export const SEEDERS: Seeder[] = [seedFoundation, seedMembership, seedClaims, seedHardship, seedVenues];

/** Seeds the demo data of API.md, only into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(ds: DataSource, tx: TransactionRunner, cipher: PiiCipher, clock: Clock): Promise<boolean> {
  if ((await ds.manager.count(UserEntity)) > 0) return false;
  await tx.run(async (em) => {
    const ctx: SeedContext = { em, cipher, clock, orgIds: {}, userIds: {} };
    for (const seeder of SEEDERS) await seeder(ctx);
  });
  return true;
}
