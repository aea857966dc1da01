import { Injectable } from '@nestjs/common';
import { addDays, AuditEntry, localDateTime, Paged, toBusinessIso } from '@unionhome/shared';
import { invalid } from '../../common/app-exception';
import { AuditLogEntity } from '../../common/entities/audit-log.entity';
import { paged } from '../../common/paging';
import { TransactionRunner } from '../../common/transaction-runner';
import { instantOf } from '../../database/raw-values';
import { UserEntity } from '../../users/entities/user.entity';
import { AuditQueryDto } from './audit-query.dto';

interface Page {
  page: number;
  limit: number;
  skip: number;
}

interface EntryRow {
  id: string;
  seq: number | string;
  createdAt: Date | string;
  actorId: string;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string | null;
}

/** Searching the audit log: newest first (append order), by person, record and day. */
@Injectable()
export class AdminAuditService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(q: AuditQueryDto, p: Page): Promise<Paged<AuditEntry>> {
    if (q.from && q.to && q.to < q.from) throw invalid({ to: '结束日期不能早于开始日期' });
    let actorId = q.actorId;
    if (q.actorPhone) {
      const person = await this.tx.manager().findOneBy(UserEntity, { phone: q.actorPhone });
      // A phone nobody has, or one that is not the actorId also given: nothing matches.
      if (!person || (actorId && actorId !== person.id)) return paged([], 0, p);
      actorId = person.id;
    }

    const qb = this.tx.manager().createQueryBuilder(AuditLogEntity, 'a');
    if (actorId) qb.andWhere('a.actorId = :actorId', { actorId });
    if (q.subjectType) qb.andWhere('a.subjectType = :subjectType', { subjectType: q.subjectType });
    if (q.subjectId) qb.andWhere('a.subjectId = :subjectId', { subjectId: q.subjectId });
    // Days are Asia/Shanghai days, both ends included.
    if (q.from) qb.andWhere('a.createdAt >= :from', { from: localDateTime(q.from) });
    if (q.to) qb.andWhere('a.createdAt < :to', { to: localDateTime(addDays(q.to, 1)) });

    const total = await qb.clone().getCount();
    const rows = await qb
      .leftJoin(UserEntity, 'u', 'u.id = a.actorId')
      .select(['a.id AS id', 'a.seq AS seq', 'a.createdAt AS createdAt', 'a.actorId AS actorId', 'u.name AS actorName', 'a.action AS action'])
      .addSelect(['a.subjectType AS subjectType', 'a.subjectId AS subjectId', 'a.detail AS detail'])
      .orderBy('a.seq', 'DESC')
      .offset(p.skip)
      .limit(p.limit)
      .getRawMany<EntryRow>();
    return paged(rows.map(toEntry), total, p);
  }
}

function toEntry(r: EntryRow): AuditEntry {
  return {
    id: r.id,
    at: toBusinessIso(instantOf(r.createdAt)),
    actorId: r.actorId,
    actorName: r.actorName ?? '',
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    detail: r.detail,
    seq: Number(r.seq),
  };
}
