import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '../common/ids';
import { TransactionRunner, isUniqueViolation } from '../common/transaction-runner';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { UserRoleEntity } from './entities/user-role.entity';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly tx: TransactionRunner) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.tx.manager().findOneBy(UserEntity, { id });
  }

  findByPhone(phone: string): Promise<UserEntity | null> {
    return this.tx.manager().findOneBy(UserEntity, { phone });
  }

  findByIdNumberIndex(index: string): Promise<UserEntity | null> {
    return this.tx.manager().findOneBy(UserEntity, { idNumberIndex: index });
  }

  rolesOf(userId: string): Promise<UserRoleEntity[]> {
    return this.tx.manager().findBy(UserRoleEntity, { userId });
  }

  async isActiveMember(userId: string): Promise<boolean> {
    return (await this.tx.manager().countBy(MembershipEntity, { activeUserId: userId })) > 0;
  }

  /** The version current access tokens must carry (null: no such user). */
  async authVersionOf(userId: string): Promise<number | null> {
    const rows: { v: number }[] = await this.tx.manager().query('SELECT authVersion AS v FROM users WHERE id = ?', [userId]);
    return rows.length ? Number(rows[0].v) : null;
  }

  /**
   * Voids every live access token of the person from their next request (roles changed, account
   * deleted, logged out everywhere); their refresh tokens then mint tokens under the new version.
   */
  async bumpAuthVersion(userId: string): Promise<void> {
    await this.tx.run((em) => em.increment(UserEntity, { id: userId }, 'authVersion', 1));
  }

  async touchLogin(userId: string, at: Date): Promise<void> {
    await this.tx.run((em) => em.update(UserEntity, { id: userId }, { lastLoginAt: at }));
  }

  /** First WeChat login creates the user; a concurrent first login of the same openid finds it. */
  async findOrCreateByOpenid(openid: string, now: Date): Promise<UserEntity> {
    const existing = await this.tx.manager().findOneBy(UserEntity, { openid });
    if (existing) return existing;
    try {
      return await this.tx.run(async (em) => {
        const user = em.create(UserEntity, { id: newId(), openid, phone: null, name: '', idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: now, lastLoginAt: null });
        await em.insert(UserEntity, user);
        return user;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const again = await this.tx.manager().findOneBy(UserEntity, { openid });
      if (!again) throw err;
      return again;
    }
  }

  /** First SMS login creates the user; a concurrent first login of the same phone finds it. */
  async findOrCreateByPhone(phone: string, now: Date): Promise<UserEntity> {
    const existing = await this.findByPhone(phone);
    if (existing) return existing;
    try {
      return await this.tx.run(async (em) => {
        const user = em.create(UserEntity, { id: newId(), openid: null, phone, name: '', idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: now, lastLoginAt: null });
        await em.insert(UserEntity, user);
        return user;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const again = await this.findByPhone(phone);
      if (!again) throw err;
      return again;
    }
  }
}
