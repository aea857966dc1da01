import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GRANTABLE_ROLES, type GrantableRole } from '@unionhome/shared';
import { newId } from '../../common/ids';
import { isUniqueViolation, TransactionRunner } from '../../common/transaction-runner';
import { OrgEntity } from '../../orgs/entities/org.entity';
import { UserRoleEntity } from '../../users/entities/user-role.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** One grant with what the staff list shows of its person and organisation. */
export interface GrantRow {
  id: string;
  userId: string;
  role: GrantableRole;
  orgId: string | null;
  name: string;
  phone: string | null;
  orgName: string | null;
}

/** The list shows roles in the order of GRANTABLE_ROLES, then by organisation and name. */
const ROLE_ORDER_SQL = `CASE r.role ${GRANTABLE_ROLES.map((role, i) => `WHEN '${role}' THEN ${i}`).join(' ')} ELSE ${GRANTABLE_ROLES.length} END`;

/**
 * Grants (user_roles) and the people they are for. Methods taking `em` run inside the caller's
 * transaction; the `lock…` ones are SELECT … FOR UPDATE on MySQL. SQLite needs no row locks:
 * TransactionRunner serialises transactions in the process and SQLite's write lock serialises
 * processes (a stale reader gets SQLITE_BUSY and the service runs the transaction again).
 */
@Injectable()
export class StaffRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private forUpdate(sql: string): string {
    return this.tx.kind === 'mysql' ? `${sql} FOR UPDATE` : sql;
  }

  findUserByPhone(phone: string): Promise<UserEntity | null> {
    return this.tx.manager().findOneBy(UserEntity, { phone });
  }

  /**
   * A person granted a role before they ever logged in becomes a user now, by phone; their first
   * SMS login then finds them. A concurrent first use of the same phone finds the row the other made.
   */
  async findOrCreateUserByPhone(phone: string, name: string, now: Date): Promise<{ user: UserEntity; created: boolean }> {
    const existing = await this.findUserByPhone(phone);
    if (existing) return { user: existing, created: false };
    try {
      const user = await this.tx.run(async (em) => {
        const row = em.create(UserEntity, { id: newId(), phone, openid: null, name, idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: now, lastLoginAt: null, authVersion: 0 });
        await em.insert(UserEntity, row);
        return row;
      });
      return { user, created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const again = await this.findUserByPhone(phone);
      if (!again) throw err;
      return { user: again, created: false };
    }
  }

  async setNameIfEmpty(em: EntityManager, userId: string, name: string): Promise<void> {
    await em.update(UserEntity, { id: userId, name: '' }, { name });
  }

  /** Locks the grantee's users row: one person's concurrent grants queue here, nobody else waits. */
  async lockUser(em: EntityManager, userId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(this.forUpdate('SELECT id FROM users WHERE id = ?'), [userId]);
    return rows.length > 0;
  }

  /**
   * Locks every admin grant (through idx_user_roles_role): two admins revoking each other at once
   * queue here, and the second one counts what the first left.
   */
  async lockAdminGrantIds(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(this.forUpdate("SELECT id FROM user_roles WHERE role = 'admin' ORDER BY id"));
    return rows.map((r) => r.id);
  }

  grantsOf(em: EntityManager, userId: string, role: GrantableRole): Promise<UserRoleEntity[]> {
    return em.findBy(UserRoleEntity, { userId, role });
  }

  findGrantById(id: string, em: EntityManager = this.tx.manager()): Promise<UserRoleEntity | null> {
    return em.findOneBy(UserRoleEntity, { id });
  }

  async insertGrant(em: EntityManager, grant: { userId: string; role: GrantableRole; orgId: string | null }): Promise<UserRoleEntity> {
    const row = em.create(UserRoleEntity, { id: newId(), ...grant });
    await em.insert(UserRoleEntity, row);
    return row;
  }

  async deleteGrant(em: EntityManager, id: string): Promise<void> {
    await em.delete(UserRoleEntity, { id });
  }

  async findRow(id: string, em: EntityManager = this.tx.manager()): Promise<GrantRow | null> {
    const rows = await this.rows(em).where('r.id = :id', { id }).getRawMany<GrantRow>();
    return rows[0] ?? null;
  }

  /** A page of grants; `orgIds` (an organisation and its subtree) limits it to scoped grants there. */
  async list(filter: { role?: GrantableRole; orgIds?: string[] }, page: { skip: number; limit: number }): Promise<{ rows: GrantRow[]; total: number }> {
    const qb = this.rows(this.tx.manager()).where('r.role IN (:...roles)', { roles: [...GRANTABLE_ROLES] });
    if (filter.role) qb.andWhere('r.role = :role', { role: filter.role });
    if (filter.orgIds) qb.andWhere(filter.orgIds.length ? 'r.orgId IN (:...orgIds)' : '1 = 0', { orgIds: filter.orgIds });
    const total = await qb.clone().getCount();
    const rows = await qb
      .addSelect(ROLE_ORDER_SQL, 'roleOrder')
      .orderBy('roleOrder', 'ASC')
      .addOrderBy('o.path', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset(page.skip)
      .limit(page.limit)
      .getRawMany<GrantRow>();
    return { rows, total };
  }

  private rows(em: EntityManager) {
    return em
      .createQueryBuilder(UserRoleEntity, 'r')
      .innerJoin(UserEntity, 'u', 'u.id = r.userId')
      .leftJoin(OrgEntity, 'o', 'o.id = r.orgId')
      .select(['r.id AS id', 'r.userId AS userId', 'r.role AS role', 'r.orgId AS orgId', 'u.name AS name', 'u.phone AS phone', 'o.name AS orgName']);
  }
}
