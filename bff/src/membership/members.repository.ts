import { Injectable } from '@nestjs/common';
import { LIKE_ESCAPE, likeContains } from '../common/sql-like';
import { Brackets, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { formatMemberNo, memberNoPrefix } from '@unionhome/shared';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { UserEntity } from '../users/entities/user.entity';
import { MemberNoSequenceEntity } from './entities/member-no-sequence.entity';
import { MembershipApplicationEntity } from './entities/membership-application.entity';
import { MembershipEntity, MembershipStatus } from './entities/membership.entity';

/** One row of the officer's member list: the membership with the person's name and identity columns. */
export interface MemberRow {
  id: string;
  orgId: string;
  userId: string;
  memberNo: string;
  status: MembershipStatus;
  employer: string;
  jobType: string;
  joinedAt: string;
  name: string;
  idNumberCipher: string | null;
  /** The phone given on the approved application, else the account's. */
  phone: string | null;
}

export interface MemberFilter {
  orgIds: string[];
  status: MembershipStatus;
  q?: string;
}

@Injectable()
export class MembersRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private filtered(f: MemberFilter): SelectQueryBuilder<MembershipEntity> {
    const qb = this.tx
      .manager()
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(UserEntity, 'u', 'u.id = m.userId')
      .where('m.orgId IN (:...orgIds)', { orgIds: f.orgIds })
      .andWhere('m.status = :status', { status: f.status });
    if (f.q) {
      const like = likeContains(f.q);
      qb.andWhere(new Brackets((w) => w.where(`u.name LIKE :like ${LIKE_ESCAPE}`, { like }).orWhere(`m.memberNo LIKE :like ${LIKE_ESCAPE}`, { like })));
    }
    return qb;
  }

  async search(f: MemberFilter, p: { skip: number; limit: number }): Promise<[MemberRow[], number]> {
    const total = await this.filtered(f).getCount();
    const rows = await this.filtered(f)
      .leftJoin(MembershipApplicationEntity, 'a', 'a.membershipId = m.id')
      .select([
        'm.id AS id',
        'm.orgId AS orgId',
        'm.userId AS userId',
        'm.memberNo AS memberNo',
        'm.status AS status',
        'm.employer AS employer',
        'm.jobType AS jobType',
        'm.joinedAt AS joinedAt',
        'u.name AS name',
        'u.idNumberCipher AS idNumberCipher',
        'COALESCE(a.phone, u.phone) AS phone',
      ])
      .orderBy('m.memberNo', 'ASC')
      .offset(p.skip)
      .limit(p.limit)
      .getRawMany<MemberRow>();
    return [rows, total];
  }

  async countByStatus(orgIds: string[]): Promise<{ active: number; left: number }> {
    const m = this.tx.manager();
    const [active, left] = await Promise.all([
      m.countBy(MembershipEntity, { orgId: In(orgIds), status: 'active' }),
      m.countBy(MembershipEntity, { orgId: In(orgIds), status: 'left' }),
    ]);
    return { active, left };
  }

  findById(id: string): Promise<MembershipEntity | null> {
    return this.tx.manager().findOneBy(MembershipEntity, { id });
  }

  /** The phone the member gave when joining, if they joined through an application. */
  async applicationPhone(membershipId: string): Promise<string | null> {
    const a = await this.tx.manager().findOne(MembershipApplicationEntity, { where: { membershipId }, select: { id: true, phone: true } });
    return a?.phone ?? null;
  }

  /** The user's active membership, read inside the deciding transaction. */
  findActiveIn(em: EntityManager, userId: string): Promise<MembershipEntity | null> {
    return em.findOneBy(MembershipEntity, { activeUserId: userId });
  }

  /** Ends a membership (transfer out): it stops being active and frees the user's active slot. */
  async end(em: EntityManager, membership: MembershipEntity, at: Date): Promise<boolean> {
    const res = await em.update(MembershipEntity, { id: membership.id, status: 'active' }, { status: 'left', activeUserId: null, leftAt: at });
    return res.affected === 1;
  }

  /**
   * The next member number of a region, inside the caller's transaction. The first number of a
   * prefix continues after the highest one already issued (the demo seed's, or imported ones).
   */
  async nextMemberNo(em: EntityManager, regionCode: string | null): Promise<string> {
    const prefix = memberNoPrefix(regionCode);
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await em.increment(MemberNoSequenceEntity, { prefix }, 'lastValue', 1);
      if (res.affected) {
        const row = await em.findOneByOrFail(MemberNoSequenceEntity, { prefix });
        return formatMemberNo(regionCode, row.lastValue);
      }
      const highest = await em
        .createQueryBuilder(MembershipEntity, 'm')
        .select('m.memberNo', 'memberNo')
        .where('m.memberNo LIKE :p', { p: `${prefix}%` })
        .orderBy('LENGTH(m.memberNo)', 'DESC')
        .addOrderBy('m.memberNo', 'DESC')
        .limit(1)
        .getRawOne<{ memberNo: string }>();
      const last = highest ? Number(highest.memberNo.slice(prefix.length)) || 0 : 0;
      try {
        await em.insert(MemberNoSequenceEntity, { prefix, lastValue: last });
      } catch (err) {
        // Another approval created the sequence first: take the next number from it.
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new Error(`member number sequence ${prefix} could not be advanced`);
  }
}
