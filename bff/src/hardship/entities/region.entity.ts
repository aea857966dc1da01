import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FenColumn, InstantColumn } from '../../database/columns';

/** A region (county-level administrative code) with its monthly minimum living standard (低保标准). */
@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @FenColumn()
  minimumLiving: number;

  @InstantColumn()
  updatedAt: Date;
}
