import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/**
 * A card QR token that has been used at a check (staff verification or check-in by card): its
 * nonce is kept until the token expires, so the same QR cannot be used twice (a forwarded
 * screenshot). The primary key makes "used once" hold across any number of BFF instances.
 */
@Entity('card_token_uses')
@Index('idx_card_token_uses_expires', ['expiresAt'])
export class CardTokenUseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  membershipId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  nonce: string;

  @InstantColumn()
  expiresAt: Date;
}
