import { Injectable } from '@nestjs/common';
import { OrgType, orgPlacementProblem } from '@unionhome/shared';
import { EntityManager } from 'typeorm';
import { conflict, invalid, unprocessable } from '../../common/app-exception';
import { AuditService } from '../../common/audit.service';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../common/transaction-runner';
import { OrgEntity } from '../../orgs/entities/org.entity';
import { creditCodeFor } from './org-rules';

export interface NewOrg {
  code: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  regionCode: string | null;
  creditCode: string | null;
}

export interface OrgChanges {
  name?: string;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string | null;
  active?: boolean;
}

/**
 * The writes on the org tree, each inside the caller's transaction (`em`), so the form and the CSV
 * import apply the same rules and an import of many rows is one unit. Every rule violation is an
 * AppException; the import turns them into line-numbered errors.
 *
 * Invariant kept by these rules: an active org's parent is active. So deactivating needs no
 * active children, and creating, moving or reactivating under an inactive parent is refused.
 */
@Injectable()
export class OrgTreeWriter {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock, private readonly audit: AuditService) {}

  /** The org, locked for the rest of the transaction on MySQL (SQLite runs one writer at a time). */
  async lock(em: EntityManager, id: string): Promise<OrgEntity | null> {
    const qb = em.createQueryBuilder(OrgEntity, 'o').where('o.id = :id', { id });
    return (this.tx.kind === 'mysql' ? qb.setLock('pessimistic_write') : qb).getOne();
  }

  async create(em: EntityManager, actorId: string, input: NewOrg, action: string): Promise<OrgEntity> {
    const credit = creditCodeFor(input.type, input.creditCode);
    if ('problem' in credit) throw invalid({ creditCode: credit.problem });
    if (await em.findOneBy(OrgEntity, { code: input.code })) throw conflict('ORG_CODE_TAKEN');
    const parent = input.parentId ? await this.lock(em, input.parentId) : null;
    if (input.parentId && !parent) throw invalid({ parentId: '没有找到该上级组织' });
    this.checkPlacement(input.type, parent);
    if (parent && !parent.active) throw unprocessable('ORG_PARENT_INACTIVE');
    const id = newId();
    const org: OrgEntity = {
      id,
      code: input.code,
      name: input.name.trim(),
      type: input.type,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      creditCode: credit.value,
      regionCode: input.regionCode || null,
      autoApprove: false,
      active: true,
      createdAt: this.clock.now(),
    };
    await em.insert(OrgEntity, { ...org });
    await this.audit.record(actorId, action, 'org', id, `create ${org.code}`);
    return org;
  }

  /** Applies the changes to `org` (read in this transaction, ideally locked); returns the saved row. */
  async update(em: EntityManager, actorId: string, org: OrgEntity, changes: OrgChanges, action: string): Promise<OrgEntity> {
    const next: OrgEntity = { ...org };
    const changed: string[] = [];
    if (changes.name !== undefined && changes.name.trim() !== org.name) {
      next.name = changes.name.trim();
      changed.push('name');
    }
    if (changes.regionCode !== undefined && (changes.regionCode || null) !== org.regionCode) {
      next.regionCode = changes.regionCode || null;
      changed.push('regionCode');
    }
    if (changes.creditCode !== undefined) {
      const credit = creditCodeFor(org.type, changes.creditCode);
      if ('problem' in credit) throw invalid({ creditCode: credit.problem });
      if (credit.value !== org.creditCode) {
        next.creditCode = credit.value;
        changed.push('creditCode');
      }
    }
    const active = changes.active ?? org.active;
    let parent: OrgEntity | null | undefined; // undefined: not looked at
    if (changes.parentId !== undefined && changes.parentId !== org.parentId) {
      parent = changes.parentId ? await this.lock(em, changes.parentId) : null;
      if (changes.parentId && !parent) throw invalid({ parentId: '没有找到该上级组织' });
      if (parent && (parent.id === org.id || parent.path.includes(`/${org.id}/`))) throw unprocessable('ORG_MOVE_INTO_SUBTREE');
      this.checkPlacement(org.type, parent);
      next.parentId = parent?.id ?? null;
      next.path = `${parent?.path ?? '/'}${org.id}/`;
      changed.push('parentId');
    }
    if (active !== org.active) changed.push(active ? 'active' : 'inactive');
    if (active && (!org.active || parent !== undefined)) {
      // Reactivated or moved while active: the (new) parent must be in use.
      const up = parent !== undefined ? parent : org.parentId ? await em.findOneBy(OrgEntity, { id: org.parentId }) : null;
      if (up && !up.active) throw unprocessable('ORG_PARENT_INACTIVE');
    }
    if (!active && org.active) {
      const activeChildren = await em.countBy(OrgEntity, { parentId: org.id, active: true });
      if (activeChildren) throw unprocessable('ORG_HAS_ACTIVE_CHILDREN', undefined, { activeChildren });
    }
    next.active = active;
    if (!changed.length) return org;

    await em.update(OrgEntity, { id: org.id }, { name: next.name, regionCode: next.regionCode, creditCode: next.creditCode, parentId: next.parentId, active: next.active });
    if (next.path !== org.path) await this.movePaths(em, org.path, next.path);
    await this.audit.record(actorId, action, 'org', org.id, changed.join(','));
    return next;
  }

  /**
   * Rewrites the materialised path of the org and its whole subtree in one statement (every
   * descendant's path starts with the org's): officer scope and subtree queries follow at once.
   */
  private async movePaths(em: EntityManager, oldPath: string, newPath: string): Promise<void> {
    const tail = this.tx.kind === 'mysql' ? 'CONCAT(:newPath, SUBSTRING(path, :from))' : ':newPath || SUBSTR(path, :from)';
    await em
      .createQueryBuilder()
      .update(OrgEntity)
      .set({ path: () => tail })
      .where('path LIKE :prefix', { prefix: `${oldPath}%` })
      .setParameters({ newPath, from: oldPath.length + 1 })
      .execute();
  }

  private checkPlacement(type: OrgType, parent: OrgEntity | null): void {
    const problem = orgPlacementProblem(type, parent?.type ?? null);
    if (problem) throw unprocessable('ORG_PLACEMENT_NOT_ALLOWED', problem);
  }
}
