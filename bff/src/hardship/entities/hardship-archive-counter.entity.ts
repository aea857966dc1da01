import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last archive number used per region and year. Numbers come from a row updated in the
 * deciding transaction (its row lock orders concurrent approvals), never from AUTO_INCREMENT,
 * which distributed MySQL engines do not hand out consecutively.
 */
@Entity('hardship_archive_counters')
export class HardshipArchiveCounterEntity {
  /** "<regionCode>-<year>" */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  scope: string;

  @Column({ type: 'integer' })
  lastNo: number;
}
