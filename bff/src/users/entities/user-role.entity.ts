import { Column, Entity, Index } from 'typeorm';
import type { Role } from '@unionhome/shared';
import { IdColumn, IdPrimaryColumn } from '../../database/columns';

/** A role held by a user; officer and venue staff roles are scoped to one organisation (and its subtree). */
@Entity('user_roles')
@Index('uq_user_roles', ['userId', 'role', 'orgId'], { unique: true })
@Index('idx_user_roles_role', ['role'])
export class UserRoleEntity {
  @IdPrimaryColumn()
  id: string;

  @IdColumn()
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @IdColumn({ nullable: true })
  orgId: string | null;
}
