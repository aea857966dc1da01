import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/pii-cipher';

/**
 * What a seeder gets: the transaction's manager, the cipher for personal data, the clock, and
 * the ids of what earlier seeders made (orgs by code, users by phone), so each domain seeds its own part.
 */
export interface SeedContext {
  em: EntityManager;
  cipher: PiiCipher;
  clock: Clock;
  orgIds: Record<string, string>;
  userIds: Record<string, string>;
}

export type Seeder = (ctx: SeedContext) => Promise<void>;
