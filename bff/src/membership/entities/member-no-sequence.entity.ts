import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last member number handed out per prefix (M + region code). Advanced by a single
 * `UPDATE … SET lastValue = lastValue + 1` inside the approval's transaction: the row lock
 * orders concurrent approvals, and no AUTO_INCREMENT is relied on (DESIGN.md: TiDB-safe).
 */
@Entity('member_no_sequences')
export class MemberNoSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'integer' })
  lastValue: number;
}
