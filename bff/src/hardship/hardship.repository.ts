import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId } from '../common/ids';
import { TransactionRunner, isUniqueViolation } from '../common/transaction-runner';
import { OrgEntity } from '../orgs/entities/org.entity';
import { UserEntity } from '../users/entities/user.entity';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipArchiveCounterEntity } from './entities/hardship-archive-counter.entity';
import { HardshipEventEntity } from './entities/hardship-event.entity';
import { RegionEntity } from './entities/region.entity';

export interface PageWindow {
  page: number;
  limit: number;
  skip: number;
}

/** Which cases a staff member's queue holds: every case, or those of these unions. */
export type StaffScope = { all: true } | { all: false; orgIds: string[] };

@Injectable()
export class HardshipRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findById(id: string): Promise<HardshipApplicationEntity | null> {
    return this.tx.manager().findOneBy(HardshipApplicationEntity, { id });
  }

  /** The row, locked for the rest of the transaction on MySQL (SQLite runs one write transaction at a time anyway). */
  lockById(em: EntityManager, id: string): Promise<HardshipApplicationEntity | null> {
    if (this.tx.kind === 'mysql') return em.findOne(HardshipApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return em.findOneBy(HardshipApplicationEntity, { id });
  }

  findOpenByApplicant(applicantId: string): Promise<HardshipApplicationEntity | null> {
    return this.tx.manager().findOneBy(HardshipApplicationEntity, { openApplicantId: applicantId });
  }

  listByApplicant(applicantId: string, p: PageWindow): Promise<[HardshipApplicationEntity[], number]> {
    return this.tx.manager().findAndCount(HardshipApplicationEntity, { where: { applicantId }, order: { createdAt: 'DESC', id: 'DESC' }, skip: p.skip, take: p.limit });
  }

  /** Staff queue: never drafts; oldest waiting first, decided cases newest first. */
  listForStaff(scope: StaffScope, filter: { status?: string; regionCode?: string }, p: PageWindow): Promise<[HardshipApplicationEntity[], number]> {
    const qb = this.tx.manager().createQueryBuilder(HardshipApplicationEntity, 'a').where('a.status <> :draft', { draft: 'draft' });
    if (!scope.all) {
      if (scope.orgIds.length === 0) return Promise.resolve([[], 0]);
      qb.andWhere('a.orgId IN (:...orgIds)', { orgIds: scope.orgIds });
    }
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.regionCode) qb.andWhere('a.regionCode = :regionCode', { regionCode: filter.regionCode });
    if (filter.status === 'approved' || filter.status === 'rejected') qb.orderBy('a.decidedAt', 'DESC');
    else qb.orderBy('a.submittedAt', 'ASC');
    return qb.addOrderBy('a.id', 'ASC').skip(p.skip).take(p.limit).getManyAndCount();
  }

  /** Approved cases, the nearest re-check first; `dueBy` keeps those due on or before that date (overdue included). */
  listArchive(filter: { dueBy?: string; regionCode?: string }, p: PageWindow): Promise<[HardshipApplicationEntity[], number]> {
    const qb = this.tx.manager().createQueryBuilder(HardshipApplicationEntity, 'a').where('a.status = :status', { status: 'approved' });
    if (filter.dueBy) qb.andWhere('a.recheckDue <= :dueBy', { dueBy: filter.dueBy });
    if (filter.regionCode) qb.andWhere('a.regionCode = :regionCode', { regionCode: filter.regionCode });
    return qb.orderBy('a.recheckDue', 'ASC').addOrderBy('a.archiveNo', 'ASC').skip(p.skip).take(p.limit).getManyAndCount();
  }

  timelineOf(applicationId: string): Promise<HardshipEventEntity[]> {
    return this.tx.manager().find(HardshipEventEntity, { where: { applicationId }, order: { seq: 'ASC' } });
  }

  /** Adds the next step to a case's timeline; call it while holding the case's row (lockById). */
  async appendEvent(em: EntityManager, event: Omit<HardshipEventEntity, 'id' | 'seq'>): Promise<void> {
    const last = await em.createQueryBuilder(HardshipEventEntity, 'e').select('MAX(e.seq)', 'seq').where('e.applicationId = :id', { id: event.applicationId }).getRawOne<{ seq: number | string | null }>();
    await em.insert(HardshipEventEntity, { ...event, id: newId(), seq: Number(last?.seq ?? 0) + 1 });
  }

  findRegion(code: string): Promise<RegionEntity | null> {
    return this.tx.manager().findOneBy(RegionEntity, { code });
  }

  async regionsByCode(codes: string[]): Promise<Map<string, RegionEntity>> {
    const rows = codes.length ? await this.tx.manager().findBy(RegionEntity, { code: In([...new Set(codes)]) }) : [];
    return new Map(rows.map((r) => [r.code, r]));
  }

  async orgsById(ids: string[]): Promise<Map<string, OrgEntity>> {
    const rows = ids.length ? await this.tx.manager().findBy(OrgEntity, { id: In([...new Set(ids)]) }) : [];
    return new Map(rows.map((o) => [o.id, o]));
  }

  async usersById(ids: string[]): Promise<Map<string, UserEntity>> {
    const rows = ids.length ? await this.tx.manager().findBy(UserEntity, { id: In([...new Set(ids)]) }) : [];
    return new Map(rows.map((u) => [u.id, u]));
  }

  /** Creates the counter row of a scope if it is missing, in its own short transaction. */
  async ensureArchiveCounter(scope: string): Promise<void> {
    if (await this.tx.manager().findOneBy(HardshipArchiveCounterEntity, { scope })) return;
    try {
      await this.tx.run((em) => em.insert(HardshipArchiveCounterEntity, { scope, lastNo: 0 }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a concurrent approval created it first
    }
  }

  /** The next number of a scope, taken inside the caller's transaction (the row stays locked until it commits). */
  async takeArchiveNumber(em: EntityManager, scope: string): Promise<number> {
    await em.createQueryBuilder().update(HardshipArchiveCounterEntity).set({ lastNo: () => 'lastNo + 1' }).where('scope = :scope', { scope }).execute();
    const row = await em.findOneByOrFail(HardshipArchiveCounterEntity, { scope });
    return row.lastNo;
  }
}
