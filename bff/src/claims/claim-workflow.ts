import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLAIM_DOCUMENT_INFO, CLAIM_STATUS_LABELS, ClaimActor, ClaimDocumentType, ClaimStatus, formatFen } from '@unionhome/shared';
import { conflict } from '../common/app-exception';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { isRetryableTxError, TransactionRunner } from '../common/transaction-runner';
import { Notice } from '../notifications/notifier';
import { NotificationsService } from '../notifications/notifications.service';
import { reasonText } from './claim.mapper';
import { ClaimsRepository } from './claims.repository';
import { ClaimEventEntity } from './entities/claim-event.entity';
import { ClaimEntity } from './entities/claim.entity';

export interface StepDetail {
  actorId: string;
  actorRole: ClaimActor;
  reasonCode?: string | null;
  note?: string | null;
  amount?: number | null;
  documentTypes?: ClaimDocumentType[] | null;
  reference?: string | null;
}

export const claimLink = (id: string) => `/packages/claims/pages/detail/index?id=${id}`;

const TITLES: Partial<Record<ClaimStatus, string>> = {
  submitted: '理赔申请已提交',
  in_review: '理赔申请正在审核',
  need_documents: '理赔申请需要补充材料',
  resubmitted: '补充材料已提交',
  approved: '理赔申请已通过',
  rejected: '理赔申请未通过',
  paid: '理赔款已打款',
};

/**
 * The moves every claim status change makes, in one place: the conditional status update, the
 * timeline step, and the notice (in-app in the same transaction; WeChat after the commit).
 */
@Injectable()
export class ClaimWorkflow {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Runs one unit of work in a transaction and publishes its notices after the commit. A MySQL
   * deadlock or lock timeout (contending approvals) runs the whole unit again.
   */
  async run<T>(work: (em: EntityManager, notices: Notice[]) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const notices: Notice[] = [];
      try {
        const result = await this.tx.run((em) => work(em, notices));
        this.notifications.publish(notices);
        return result;
      } catch (err) {
        if (attempt >= 5 || !isRetryableTxError(err)) throw err;
        await new Promise((r) => setTimeout(r, 10 * attempt * (0.5 + Math.random())));
      }
    }
  }

  /** Moves the claim if it is still in one of `from` (else 409), records the step, tells the worker. */
  async move(em: EntityManager, notices: Notice[], claim: ClaimEntity, from: readonly ClaimStatus[], to: ClaimStatus, detail: StepDetail, patch: Partial<ClaimEntity> = {}): Promise<ClaimEntity> {
    const now = this.clock.now();
    const moved = await this.repo.moveStatus(em, claim.id, from, to, { ...patch, updatedAt: now });
    if (!moved) throw conflict('CLAIM_STATUS_CONFLICT');
    const next = { ...claim, ...patch, status: to, updatedAt: now } as ClaimEntity;
    await this.record(em, next, to, detail);
    notices.push(await this.notifications.record(em, this.notice(next, to, detail)));
    return next;
  }

  async record(em: EntityManager, claim: ClaimEntity, status: ClaimStatus, d: StepDetail): Promise<void> {
    await em.insert(ClaimEventEntity, {
      id: newId(),
      claimId: claim.id,
      seq: await this.repo.nextEventSeq(em, claim.id),
      status,
      actorId: d.actorId,
      actorRole: d.actorRole,
      reasonCode: d.reasonCode ?? null,
      note: d.note?.trim() || null,
      amount: d.amount ?? null,
      documentTypes: d.documentTypes?.length ? d.documentTypes : null,
      reference: d.reference ?? null,
      createdAt: this.clock.now(),
    });
  }

  private notice(c: ClaimEntity, status: ClaimStatus, d: StepDetail): Notice {
    const reason = reasonText(status, d.reasonCode ?? null, d.note ?? null);
    const where = `您在${c.hospital}（${c.admissionDate}入院）的医疗互助理赔申请`;
    let body: string;
    switch (status) {
      case 'submitted':
        body = `${where}已提交，预计可得${formatFen(d.amount ?? 0)}。审核有结果会再通知您。`;
        break;
      case 'in_review':
        body = `${where}已开始审核。`;
        break;
      case 'need_documents': {
        const papers = (d.documentTypes ?? []).map((t) => CLAIM_DOCUMENT_INFO[t].label).join('、');
        body = `${where}需要补充材料：${papers}。${reason ? `原因：${reason}。` : ''}请重新拍照上传后再次提交。`;
        break;
      }
      case 'resubmitted':
        body = `${where}的补充材料已提交，等待审核。`;
        break;
      case 'approved':
        body = `${where}已通过，核定金额${formatFen(d.amount ?? 0)}。${reason ? `说明：${reason}。` : ''}款项将打到您的银行卡。`;
        break;
      case 'rejected':
        body = `${where}未通过。原因：${reason ?? '见申请详情'}。如有疑问请联系工会。`;
        break;
      case 'paid':
        body = `${where}的理赔款${formatFen(d.amount ?? 0)}已打款${d.reference ? `，流水号${d.reference}` : ''}。`;
        break;
      default:
        body = `${where}状态更新为${CLAIM_STATUS_LABELS[status]}。`;
    }
    return {
      userId: c.userId,
      topic: 'claim_status',
      title: TITLES[status] ?? '理赔申请有更新',
      body,
      link: claimLink(c.id),
      summary: {
        item: `医疗互助理赔 ${c.hospital}`,
        status: CLAIM_STATUS_LABELS[status],
        amount: status === 'approved' || status === 'paid' || status === 'submitted' ? d.amount ?? null : null,
        note: reason ?? null,
        at: this.clock.now(),
      },
    };
  }
}
