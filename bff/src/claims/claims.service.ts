import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  checkClaimDates,
  CLAIM_DOCUMENT_INFO,
  ClaimDocumentType,
  ClaimEstimateResponse,
  ClaimInvoice,
  ClaimResponse,
  ClaimStatusResponse,
  ClaimSummaryResponse,
  CreateClaimRequest,
  EDITABLE_CLAIM_STATUSES,
  invoiceKey,
  localDate,
  MAX_DOCUMENTS_PER_CLAIM,
  missingClaimDocuments,
  Paged,
  StoredDocumentResponse,
  sumFen,
  UpdateClaimRequest,
} from '@unionhome/shared';
import { conflict, invalid, notFound, unprocessable } from '../common/app-exception';
import { AuthUser, hasRole } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { FilesService } from '../files/files.service';
import { estimateClaim, toEstimateResponse, toStoredDocumentResponse } from './claim.mapper';
import { CLAIM_OWNER_TYPE, ClaimViews } from './claim-views';
import { ClaimWorkflow } from './claim-workflow';
import { ClaimsRepository, PageParams } from './claims.repository';
import { ClaimEntity } from './entities/claim.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { InvoiceKeyEntity } from './entities/invoice-key.entity';
import { PlanEntity } from './entities/plan.entity';

/** Another live claim won the race for this invoice while ours was inserting it. */
class InvoiceTaken extends Error {
  constructor(readonly invoice: ClaimInvoice) {
    super('invoice taken');
  }
}

type ClaimFields = Pick<ClaimEntity, 'hospital' | 'admissionDate' | 'dischargeDate' | 'totalAmount' | 'insurancePaid' | 'otherReimbursed' | 'invoices'>;

const isEditable = (c: ClaimEntity) => EDITABLE_CLAIM_STATUSES.includes(c.status);

/** The worker's side of a claim: the three steps (draft, photos, submit) and reading it back. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly views: ClaimViews,
    private readonly workflow: ClaimWorkflow,
    private readonly files: FilesService,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  // ---- step 1: the draft ----

  async create(user: AuthUser, dto: CreateClaimRequest): Promise<ClaimResponse> {
    const { plan, enrolment } = await this.coverFor(user.id, dto.planId);
    const fields = normalise(dto);
    this.checkFields(fields, plan, enrolment);
    await this.assertInvoicesFree(this.tx.manager(), null, fields.invoices);
    const now = this.clock.now();
    const claim: ClaimEntity = {
      id: newId(),
      userId: user.id,
      planId: plan.id,
      enrolmentId: enrolment.id,
      status: 'draft',
      ...fields,
      submittedEstimate: null,
      approvedAmount: null,
      requestedDocuments: null,
      requestedAt: null,
      documentsAtRequest: null,
      submittedAt: null,
      decidedAt: null,
      reviewerId: null,
      paidAt: null,
      paidReference: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.tx.run(async (em) => {
      await em.insert(ClaimEntity, { ...claim });
      await this.workflow.record(em, claim, 'draft', { actorId: user.id, actorRole: 'member' });
    });
    return this.views.ownerView(claim);
  }

  async update(user: AuthUser, id: string, dto: UpdateClaimRequest): Promise<ClaimResponse> {
    const current = await this.own(user, id);
    if (!isEditable(current)) throw conflict('CLAIM_NOT_EDITABLE');
    let cover = await this.coverFor(user.id, current.planId);
    if (dto.planId !== undefined && dto.planId !== current.planId) {
      if (current.status !== 'draft') throw invalid({ planId: '提交后不能更换保障计划' });
      cover = await this.coverFor(user.id, dto.planId);
    }
    const fields = normalise({ ...current, ...stripUndefined(dto) });
    this.checkFields(fields, cover.plan, cover.enrolment);
    const invoicesChanged = JSON.stringify(fields.invoices) !== JSON.stringify(current.invoices);
    if (invoicesChanged) await this.assertInvoicesFree(this.tx.manager(), id, fields.invoices);
    const saved = await this.withInvoiceRace(() =>
      this.tx.run(async (em) => {
        const c = await this.repo.lockClaim(em, id);
        if (!c || c.userId !== user.id) throw notFound('CLAIM_NOT_FOUND');
        if (!isEditable(c)) throw conflict('CLAIM_NOT_EDITABLE');
        // A claim sent back for papers still holds its invoices: a changed list changes what it holds.
        if (c.status !== 'draft' && invoicesChanged) await this.holdInvoices(em, c, fields.invoices);
        const patch = { ...fields, planId: cover.plan.id, enrolmentId: cover.enrolment.id, updatedAt: this.clock.now() };
        await em.update(ClaimEntity, { id }, patch);
        return { ...c, ...patch } as ClaimEntity;
      }),
    );
    return this.views.ownerView(saved);
  }

  // ---- step 2: the photos ----

  async addDocument(user: AuthUser, id: string, type: ClaimDocumentType, data: Buffer): Promise<StoredDocumentResponse> {
    const claim = await this.own(user, id);
    if (!isEditable(claim)) throw conflict('CLAIM_NOT_EDITABLE');
    const doc = await this.files.store(
      { ownerType: CLAIM_OWNER_TYPE, ownerId: id, docType: type, uploadedBy: user.id, data, maxPerOwner: MAX_DOCUMENTS_PER_CLAIM },
      (em) => this.lockEditable(em, user.id, id),
    );
    return toStoredDocumentResponse(doc);
  }

  async removeDocument(user: AuthUser, id: string, documentId: string): Promise<void> {
    const claim = await this.own(user, id);
    if (!isEditable(claim)) throw conflict('CLAIM_NOT_EDITABLE');
    const removed = await this.files.remove(
      // Once submitted, a replaced photo stays for the reviewer's history; in a draft it simply goes.
      { ownerType: CLAIM_OWNER_TYPE, ownerId: id, documentId, keepHistory: claim.status !== 'draft' },
      (em) => this.lockEditable(em, user.id, id),
    );
    if (!removed) throw notFound('DOCUMENT_NOT_FOUND');
  }

  // ---- step 3: estimate and submit ----

  async estimate(user: AuthUser, id: string): Promise<ClaimEstimateResponse> {
    const claim = await this.visible(user, id);
    return toEstimateResponse(await this.views.estimate(claim));
  }

  async submit(user: AuthUser, id: string, declaration: boolean): Promise<ClaimStatusResponse> {
    if (declaration !== true) throw unprocessable('DECLARATION_REQUIRED');
    const claim = await this.own(user, id);
    if (!isEditable(claim)) throw conflict('CLAIM_STATUS_CONFLICT');
    return this.withInvoiceRace(() =>
      this.workflow.run(async (em, notices) => {
        const c = await this.repo.lockClaim(em, id);
        if (!c || c.userId !== user.id) throw notFound('CLAIM_NOT_FOUND');
        if (!isEditable(c)) throw conflict('CLAIM_STATUS_CONFLICT');
        const { plan, enrolment, tags } = await this.views.context(c);
        this.checkFields(c, plan, enrolment);
        if (c.invoices.length === 0) throw unprocessable('INVOICE_REQUIRED');
        const invoiceTotal = sumFen(c.invoices.map((i) => i.amount));
        if (invoiceTotal !== c.totalAmount) {
          throw unprocessable('INVOICE_TOTAL_MISMATCH', undefined, { invoiceTotal, totalAmount: c.totalAmount });
        }
        await this.assertDocuments(c);
        await this.holdInvoices(em, c, c.invoices);
        const payout = estimateClaim(c, plan, enrolment, tags).payout;
        const to = c.status === 'draft' ? 'submitted' : 'resubmitted';
        const now = this.clock.now();
        await this.workflow.move(em, notices, c, [c.status], to, { actorId: user.id, actorRole: 'member', amount: payout }, {
          submittedAt: c.submittedAt ?? now,
          submittedEstimate: payout,
          requestedDocuments: null,
          requestedAt: null,
          documentsAtRequest: null,
        });
        return { id, status: to };
      }),
    );
  }

  // ---- reading ----

  async listMine(user: AuthUser, status: ClaimEntity['status'] | undefined, p: PageParams): Promise<Paged<ClaimSummaryResponse>> {
    const [rows, total] = await this.repo.listOwnClaims(user.id, status, p);
    return paged(await this.views.summaries(rows), total, p);
  }

  /** The owner's view, or the reviewer's (with the member's masked details) for a claim_reviewer. */
  async get(user: AuthUser, id: string): Promise<ClaimResponse> {
    const claim = await this.visible(user, id);
    return claim.userId === user.id ? this.views.ownerView(claim) : this.views.reviewerView(claim, user.id);
  }

  // ---- rules ----

  private async own(user: AuthUser, id: string): Promise<ClaimEntity> {
    const claim = await this.repo.findClaim(id);
    if (!claim || claim.userId !== user.id) throw notFound('CLAIM_NOT_FOUND');
    return claim;
  }

  /** The owner's claim, or any submitted claim for a claim reviewer; 404 for anyone else. */
  private async visible(user: AuthUser, id: string): Promise<ClaimEntity> {
    const claim = await this.repo.findClaim(id);
    if (!claim) throw notFound('CLAIM_NOT_FOUND');
    if (claim.userId === user.id) return claim;
    if (hasRole(user, 'claim_reviewer') && claim.status !== 'draft') return claim;
    throw notFound('CLAIM_NOT_FOUND');
  }

  private async lockEditable(em: EntityManager, userId: string, id: string): Promise<void> {
    const c = await this.repo.lockClaim(em, id);
    if (!c || c.userId !== userId) throw notFound('CLAIM_NOT_FOUND');
    if (!isEditable(c)) throw conflict('CLAIM_NOT_EDITABLE');
    await em.update(ClaimEntity, { id }, { updatedAt: this.clock.now() });
  }

  private async coverFor(userId: string, planId: string): Promise<{ plan: PlanEntity; enrolment: EnrolmentEntity }> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw notFound('PLAN_NOT_FOUND');
    const enrolment = await this.repo.findEnrolment(plan.id, userId);
    if (!enrolment) throw unprocessable('NOT_ENROLLED', `您未参加"${plan.name}"，请联系所在工会办理参保`);
    return { plan, enrolment };
  }

  /** Input mistakes → 400 with the field; the plan's date rules → 422 with the reason. */
  private checkFields(f: ClaimFields, plan: PlanEntity, enrolment: EnrolmentEntity): void {
    if (f.insurancePaid + f.otherReimbursed > f.totalAmount) {
      throw invalid({ insurancePaid: '医保统筹支付和其他报销加起来不能超过医疗总费用' });
    }
    const seen = new Map<string, number>();
    f.invoices.forEach((inv, i) => {
      const key = invoiceKey(inv);
      if (seen.has(key)) throw invalid({ [`invoices.${i}.number`]: `这张发票和第${seen.get(key)! + 1}张重复了` });
      seen.set(key, i);
    });
    const problem = checkClaimDates(f, { coverageStart: enrolment.coverageStart, coverageEnd: enrolment.coverageEnd, waitingEndsOn: enrolment.waitingEndsOn, claimDeadlineDays: plan.claimDeadlineDays }, this.clock.today());
    if (problem?.kind === 'field') throw invalid({ [problem.field]: problem.message });
    if (problem?.kind === 'rule') throw unprocessable(problem.code, problem.message, { reason: problem.code });
  }

  /** Every required paper, and everything the reviewer asked for uploaded anew since asking. */
  private async assertDocuments(c: ClaimEntity): Promise<void> {
    const docs = await this.files.listFor(CLAIM_OWNER_TYPE, c.id);
    const missing = missingClaimDocuments(docs.map((d) => d.docType));
    if (c.status === 'need_documents') {
      const stale = new Set(c.documentsAtRequest ?? []);
      for (const t of c.requestedDocuments ?? []) {
        if (!missing.includes(t) && !docs.some((d) => d.docType === t && !stale.has(d.id))) missing.push(t);
      }
    }
    if (missing.length) {
      const labels = missing.map((t) => CLAIM_DOCUMENT_INFO[t].label);
      throw unprocessable('DOCUMENTS_MISSING', `还缺少这些材料：${labels.join('、')}`, { missing, labels });
    }
  }

  /** Read-only check before anything is written: step 1 tells the worker at once. */
  private async assertInvoicesFree(em: EntityManager, claimId: string | null, invoices: ClaimInvoice[]): Promise<void> {
    const held = await this.repo.findInvoiceKeys(invoices.map(invoiceKey), em);
    for (const inv of invoices) {
      const h = held.get(invoiceKey(inv));
      if (h && h.claimId !== claimId) throw duplicateInvoice(inv, h.usedAt);
    }
  }

  /** Makes the claim hold exactly these invoices in the unique key table (inside the caller's transaction). */
  private async holdInvoices(em: EntityManager, claim: ClaimEntity, invoices: ClaimInvoice[]): Promise<void> {
    const wanted = new Map(invoices.map((i) => [invoiceKey(i), i]));
    const held = await this.repo.invoiceKeysOf(em, claim.id);
    const dropped = held.filter((h) => !wanted.has(h.invoiceKey)).map((h) => h.id);
    if (dropped.length) await em.delete(InvoiceKeyEntity, { id: In(dropped) });
    const now = this.clock.now();
    const toTake = [...wanted.keys()].filter((key) => !held.some((h) => h.invoiceKey === key));
    const others = await this.repo.findInvoiceKeys(toTake, em);
    for (const key of toTake) {
      const inv = wanted.get(key)!;
      const other = others.get(key);
      if (other) throw duplicateInvoice(inv, other.usedAt);
      try {
        await em.insert(InvoiceKeyEntity, { id: newId(), invoiceKey: key, claimId: claim.id, usedAt: now });
      } catch (err) {
        if (isUniqueViolation(err)) throw new InvoiceTaken(inv);
        throw err;
      }
    }
  }

  /** After a lost race the transaction is gone; the winner's row now says when the invoice was used. */
  private async withInvoiceRace<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof InvoiceTaken)) throw err;
      const winner = await this.repo.findInvoiceKey(invoiceKey(err.invoice));
      throw duplicateInvoice(err.invoice, winner?.usedAt ?? this.clock.now());
    }
  }
}

/** 409 naming the invoice and the month it was used, and nothing about the other claim or person. */
function duplicateInvoice(inv: ClaimInvoice, usedAt: Date) {
  const month = localDate(usedAt).slice(0, 7);
  const [y, m] = month.split('-');
  const which = inv.code ? `票据代码${inv.code}、号码${inv.number}` : `号码${inv.number}`;
  return conflict('DUPLICATE_INVOICE', `发票（${which}）已于${y}年${Number(m)}月用于理赔申请，同一张发票不能重复申请`, {
    invoice: { code: inv.code, number: inv.number },
    usedMonth: month,
  });
}

function normalise(d: Partial<ClaimFields> & Pick<CreateClaimRequest, 'hospital' | 'admissionDate' | 'dischargeDate' | 'totalAmount' | 'insurancePaid' | 'invoices'>): ClaimFields {
  return {
    hospital: d.hospital.trim(),
    admissionDate: d.admissionDate,
    dischargeDate: d.dischargeDate,
    totalAmount: d.totalAmount,
    insurancePaid: d.insurancePaid,
    otherReimbursed: d.otherReimbursed ?? 0,
    invoices: d.invoices.map((i) => ({ code: i.code.trim().toUpperCase(), number: i.number.trim().toUpperCase(), amount: i.amount })),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
