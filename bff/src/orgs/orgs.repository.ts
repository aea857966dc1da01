import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../common/transaction-runner';
import { OrgEntity } from './entities/org.entity';

@Injectable()
export class OrgsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  findById(id: string): Promise<OrgEntity | null> {
    return this.tx.manager().findOneBy(OrgEntity, { id });
  }

  findByCode(code: string): Promise<OrgEntity | null> {
    return this.tx.manager().findOneBy(OrgEntity, { code });
  }

  /** Active orgs only: a deactivated union is no longer offered to anyone. */
  search(filter: { code?: string; type?: string; regionCode?: string }): Promise<OrgEntity[]> {
    const qb = this.tx.manager().createQueryBuilder(OrgEntity, 'o').where('o.active = :active', { active: true }).orderBy('o.path', 'ASC').limit(200);
    if (filter.code) qb.andWhere('o.code = :code', { code: filter.code });
    if (filter.type) qb.andWhere('o.type = :type', { type: filter.type });
    if (filter.regionCode) qb.andWhere('o.regionCode = :regionCode', { regionCode: filter.regionCode });
    return qb.getMany();
  }

  /** True when `orgId` is `ancestorId` or lies in its subtree. */
  async isWithin(orgId: string, ancestorId: string): Promise<boolean> {
    if (orgId === ancestorId) return true;
    const org = await this.findById(orgId);
    return !!org && org.path.includes(`/${ancestorId}/`);
  }

  /** Ids of `ancestorId` and every org below it, for scoping staff queries. */
  async subtreeIds(ancestorId: string): Promise<string[]> {
    const rows = await this.tx.manager().createQueryBuilder(OrgEntity, 'o').select('o.id', 'id').where('o.path LIKE :p', { p: `%/${ancestorId}/%` }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
