import { Column, Entity, Index } from 'typeorm';
import type { OrgType } from '@unionhome/shared';
import { BoolColumn, IdColumn, IdPrimaryColumn, InstantColumn } from '../../database/columns';

/**
 * A union organisation in the tree 市总 → 区/县 → 街道/行业 → 基层. `path` is the materialised
 * path of ids ("/cityId/districtId/…/thisId/") so "this org and its subtree" is one LIKE prefix query.
 */
@Entity('orgs')
export class OrgEntity {
  @IdPrimaryColumn()
  id: string;

  @Index('uq_orgs_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  type: OrgType;

  @IdColumn({ nullable: true })
  parentId: string | null;

  @Index('idx_orgs_path')
  @Column({ type: 'varchar', length: 400 })
  path: string;

  /** Unified social credit code; a grassroots union's starts with 81. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  /** Join applications to this union are approved at once. */
  @BoolColumn(false)
  autoApprove: boolean;

  /** false once an admin deactivates it: hidden from `GET /orgs`, its invites admit nobody; members stay. */
  @BoolColumn(true)
  active: boolean;

  @InstantColumn()
  createdAt: Date;
}
