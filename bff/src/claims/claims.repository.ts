import { Injectable } from '@nestjs/common';
import { LIKE_ESCAPE, likeContains } from '../common/sql-like';
import { Brackets, EntityManager, In } from 'typeorm';
import { ClaimStatus, DEFAULT_PAGE_LIMIT } from '@unionhome/shared';
import { TransactionRunner } from '../common/transaction-runner';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { OrgEntity } from '../orgs/entities/org.entity';
import { UserEntity } from '../users/entities/user.entity';
import { ClaimEventEntity } from './entities/claim-event.entity';
import { ClaimEntity } from './entities/claim.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { InvoiceKeyEntity } from './entities/invoice-key.entity';
import { PlanEntity } from './entities/plan.entity';

export interface PageParams {
  page: number;
  limit: number;
  skip: number;
}

export interface ReviewQueueFilter {
  statuses: ClaimStatus[];
  planId?: string;
  q?: string;
  submittedFrom?: Date;
  submittedBefore?: Date;
}

export interface MemberInfo {
  user: UserEntity;
  membership: MembershipEntity | null;
  org: OrgEntity | null;
}

export interface CandidateRow {
  userId: string;
  name: string;
  phone: string | null;
  memberNo: string;
  orgName: string;
  enrolmentId: string | null;
}

/** Claims, plans and enrolments, by intent. Lock methods take the running transaction's manager. */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private lockable<T extends object>(em: EntityManager, entity: new () => T, alias: string) {
    const qb = em.createQueryBuilder(entity, alias);
    // SQLite has no row locks (and needs none: the TransactionRunner runs its transactions one at a time).
    return this.tx.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb;
  }

  // ---- plans ----

  findPlan(id: string, em: EntityManager = this.tx.manager()): Promise<PlanEntity | null> {
    return em.findOneBy(PlanEntity, { id });
  }

  findPlanByCode(code: string): Promise<PlanEntity | null> {
    return this.tx.manager().findOneBy(PlanEntity, { code });
  }

  listPlans(includeInactive: boolean): Promise<PlanEntity[]> {
    return this.tx.manager().find(PlanEntity, { where: includeInactive ? {} : { active: true }, order: { periodStart: 'DESC', code: 'ASC' } });
  }

  plansByIds(ids: string[]): Promise<PlanEntity[]> {
    return ids.length ? this.tx.manager().findBy(PlanEntity, { id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  // ---- enrolments ----

  findEnrolment(planId: string, userId: string, em: EntityManager = this.tx.manager()): Promise<EnrolmentEntity | null> {
    return em.findOneBy(EnrolmentEntity, { planId, userId });
  }

  findEnrolmentById(id: string, em: EntityManager = this.tx.manager()): Promise<EnrolmentEntity | null> {
    return em.findOneBy(EnrolmentEntity, { id });
  }

  enrolmentsOf(userId: string): Promise<EnrolmentEntity[]> {
    return this.tx.manager().find(EnrolmentEntity, { where: { userId }, order: { coverageStart: 'DESC' } });
  }

  /** The row an approval must hold while it reads and raises `usedAmount`. */
  lockEnrolmentForApproval(em: EntityManager, id: string): Promise<EnrolmentEntity | null> {
    return this.lockable(em, EnrolmentEntity, 'e').where('e.id = :id', { id }).getOne();
  }

  /** Raises the used amount only if nobody else did since `seen` was read (belt and braces to the lock). */
  async addToUsedAmount(em: EntityManager, id: string, seen: number, amount: number): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(EnrolmentEntity)
      .set({ usedAmount: () => 'usedAmount + :amount' })
      .where('id = :id AND usedAmount = :seen', { id, seen, amount })
      .execute();
    return res.affected === 1;
  }

  /** Active members of these unions with whether they are enrolled in the plan, paged. */
  async candidates(planId: string, orgIds: string[] | null, filter: { q?: string; enrolled?: boolean }, p: PageParams): Promise<{ rows: CandidateRow[]; total: number }> {
    const qb = this.tx
      .manager()
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(UserEntity, 'u', 'u.id = m.userId')
      .innerJoin(OrgEntity, 'o', 'o.id = m.orgId')
      .leftJoin(EnrolmentEntity, 'e', 'e.userId = m.userId AND e.planId = :planId', { planId })
      .where('m.activeUserId IS NOT NULL');
    if (orgIds) qb.andWhere(orgIds.length ? 'm.orgId IN (:...orgIds)' : '1 = 0', { orgIds });
    if (filter.q) qb.andWhere(new Brackets((w) => w.where(`u.name LIKE :like ${LIKE_ESCAPE}`, { like: likeContains(filter.q!) }).orWhere('m.memberNo = :q', { q: filter.q })));
    if (filter.enrolled === true) qb.andWhere('e.id IS NOT NULL');
    if (filter.enrolled === false) qb.andWhere('e.id IS NULL');
    const total = await qb.getCount();
    const rows = await qb
      .select(['u.id AS userId', 'u.name AS name', 'u.phone AS phone', 'm.memberNo AS memberNo', 'o.name AS orgName', 'e.id AS enrolmentId'])
      .orderBy('m.memberNo', 'ASC')
      .offset(p.skip)
      .limit(p.limit)
      .getRawMany<CandidateRow>();
    return { rows, total };
  }

  activeMembershipsOf(userIds: string[], em: EntityManager = this.tx.manager()): Promise<MembershipEntity[]> {
    return userIds.length ? em.findBy(MembershipEntity, { activeUserId: In(userIds) }) : Promise.resolve([]);
  }

  // ---- claims ----

  findClaim(id: string, em: EntityManager = this.tx.manager()): Promise<ClaimEntity | null> {
    return em.findOneBy(ClaimEntity, { id });
  }

  /** The claim row, locked for the rest of the transaction (edits, uploads and submission queue behind it). */
  lockClaim(em: EntityManager, id: string): Promise<ClaimEntity | null> {
    return this.lockable(em, ClaimEntity, 'c').where('c.id = :id', { id }).getOne();
  }

  /**
   * Moves a claim from one of `from` to `to` only if it is still there: two reviewers deciding at
   * once cannot both succeed. Returns false when the claim had moved on.
   */
  async moveStatus(em: EntityManager, id: string, from: readonly ClaimStatus[], to: ClaimStatus, patch: Partial<ClaimEntity>): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .update(ClaimEntity)
      .set({ ...patch, status: to })
      .where('id = :id AND status IN (:...from)', { id, from: [...from] })
      .execute();
    return res.affected === 1;
  }

  async listOwnClaims(userId: string, status: ClaimStatus | undefined, p: PageParams): Promise<[ClaimEntity[], number]> {
    return this.tx.manager().findAndCount(ClaimEntity, {
      where: status ? { userId, status } : { userId },
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.limit ?? DEFAULT_PAGE_LIMIT,
    });
  }

  claimsOfEnrolment(enrolmentId: string): Promise<ClaimEntity[]> {
    return this.tx.manager().find(ClaimEntity, { where: { enrolmentId }, order: { createdAt: 'DESC' } });
  }

  async reviewQueue(f: ReviewQueueFilter, p: PageParams): Promise<[ClaimEntity[], number]> {
    const qb = this.tx.manager().createQueryBuilder(ClaimEntity, 'c').where('c.status IN (:...statuses)', { statuses: f.statuses });
    if (f.planId) qb.andWhere('c.planId = :planId', { planId: f.planId });
    if (f.submittedFrom) qb.andWhere('c.submittedAt >= :from', { from: f.submittedFrom });
    if (f.submittedBefore) qb.andWhere('c.submittedAt < :before', { before: f.submittedBefore });
    if (f.q) {
      const users = this.tx.manager().createQueryBuilder(UserEntity, 'u').select('u.id').where(`u.name LIKE :like ${LIKE_ESCAPE}`);
      const members = this.tx.manager().createQueryBuilder(MembershipEntity, 'm').select('m.userId').where('m.memberNo = :q');
      qb.andWhere(new Brackets((w) => w.where(`c.userId IN (${users.getQuery()})`).orWhere(`c.userId IN (${members.getQuery()})`)), { like: likeContains(f.q), q: f.q });
    }
    // Oldest first: the queue is worked from the front.
    return qb.orderBy('c.submittedAt', 'ASC').addOrderBy('c.id', 'ASC').skip(p.skip).take(p.limit).getManyAndCount();
  }

  // ---- timeline ----

  eventsOf(claimId: string): Promise<ClaimEventEntity[]> {
    return this.tx.manager().find(ClaimEventEntity, { where: { claimId }, order: { seq: 'ASC' } });
  }

  async nextEventSeq(em: EntityManager, claimId: string): Promise<number> {
    const row = await em.createQueryBuilder(ClaimEventEntity, 'ev').select('MAX(ev.seq)', 'max').where('ev.claimId = :claimId', { claimId }).getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  // ---- invoices ----

  findInvoiceKey(key: string, em: EntityManager = this.tx.manager()): Promise<InvoiceKeyEntity | null> {
    return em.findOneBy(InvoiceKeyEntity, { invoiceKey: key });
  }

  /** The held keys among `keys`, in one indexed read, by key. */
  async findInvoiceKeys(keys: string[], em: EntityManager = this.tx.manager()): Promise<Map<string, InvoiceKeyEntity>> {
    if (!keys.length) return new Map();
    const rows = await em.findBy(InvoiceKeyEntity, { invoiceKey: In([...new Set(keys)]) });
    return new Map(rows.map((r) => [r.invoiceKey, r]));
  }

  invoiceKeysOf(em: EntityManager, claimId: string): Promise<InvoiceKeyEntity[]> {
    return em.findBy(InvoiceKeyEntity, { claimId });
  }

  async releaseInvoices(em: EntityManager, claimId: string): Promise<void> {
    await em.delete(InvoiceKeyEntity, { claimId });
  }

  // ---- people ----

  async memberInfo(userIds: string[]): Promise<Map<string, MemberInfo>> {
    const ids = [...new Set(userIds)];
    const out = new Map<string, MemberInfo>();
    if (!ids.length) return out;
    const em = this.tx.manager();
    const [users, memberships] = await Promise.all([em.findBy(UserEntity, { id: In(ids) }), em.findBy(MembershipEntity, { activeUserId: In(ids) })]);
    const orgIds = [...new Set(memberships.map((m) => m.orgId))];
    const orgs = orgIds.length ? await em.findBy(OrgEntity, { id: In(orgIds) }) : [];
    for (const user of users) {
      const membership = memberships.find((m) => m.userId === user.id) ?? null;
      out.set(user.id, { user, membership, org: membership ? orgs.find((o) => o.id === membership.orgId) ?? null : null });
    }
    return out;
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.tx.manager().findOneBy(UserEntity, { id });
  }
}
