import { HttpStatus, Injectable } from '@nestjs/common';
import {
  addDays,
  checkPayoutRule,
  CoverageResponse,
  CreatePlanRequest,
  EnrolmentCandidate,
  EnrolRequest,
  EnrolResponse,
  errorMessage,
  maskPhone,
  Paged,
  PlanResponse,
  UpdatePlanRequest,
} from '@unionhome/shared';
import { AppException, conflict, forbidden, invalid, notFound } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { OrgsRepository } from '../orgs/orgs.repository';
import { toCoverageResponse, toPlanResponse } from './claim.mapper';
import { ClaimsRepository, PageParams } from './claims.repository';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { PlanEntity } from './entities/plan.entity';

/** Plans (admin), enrolment (officers for their union, admins for any) and the worker's coverage. */
@Injectable()
export class PlansService {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly orgs: OrgsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(includeInactive: boolean): Promise<PlanResponse[]> {
    return (await this.repo.listPlans(includeInactive)).map(toPlanResponse);
  }

  async get(id: string, user: AuthUser): Promise<PlanResponse> {
    const plan = await this.repo.findPlan(id);
    if (!plan || (!plan.active && !user.roles.includes('admin'))) throw notFound('PLAN_NOT_FOUND');
    return toPlanResponse(plan);
  }

  async create(admin: AuthUser, dto: CreatePlanRequest): Promise<PlanResponse> {
    const now = this.clock.now();
    const plan: PlanEntity = {
      id: newId(),
      code: dto.code,
      name: dto.name.trim(),
      description: dto.description?.trim() ?? '',
      premium: dto.premium,
      periodStart: dto.periodStart,
      periodEnd: dto.periodEnd,
      waitingPeriodDays: dto.waitingPeriodDays,
      claimDeadlineDays: dto.claimDeadlineDays,
      deductible: dto.deductible,
      tiers: dto.tiers.map((t) => ({ from: t.from, to: t.to, ratioBp: t.ratioBp })),
      bonusBp: dto.bonusBp,
      bonusTags: [...new Set(dto.bonusTags)],
      perClaimCap: dto.perClaimCap,
      annualCap: dto.annualCap,
      active: dto.active ?? true,
      createdAt: now,
      updatedAt: now,
    };
    checkPlan(plan);
    try {
      await this.tx.run((em) => em.insert(PlanEntity, { ...plan }));
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('PLAN_CODE_TAKEN');
      throw err;
    }
    await this.audit.record(admin.id, 'plan.create', 'plan', plan.id);
    return toPlanResponse(plan);
  }

  async update(admin: AuthUser, id: string, dto: UpdatePlanRequest): Promise<PlanResponse> {
    const saved = await this.tx.run(async (em) => {
      const plan = await em.findOneBy(PlanEntity, { id });
      if (!plan) throw notFound('PLAN_NOT_FOUND');
      const next: PlanEntity = {
        ...plan,
        ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
        updatedAt: this.clock.now(),
      } as PlanEntity;
      if (dto.tiers) next.tiers = dto.tiers.map((t) => ({ from: t.from, to: t.to, ratioBp: t.ratioBp }));
      if (dto.bonusTags) next.bonusTags = [...new Set(dto.bonusTags)];
      checkPlan(next);
      await em.save(PlanEntity, next);
      return next;
    });
    await this.audit.record(admin.id, 'plan.update', 'plan', id);
    return toPlanResponse(saved);
  }

  // ---- enrolment ----

  /** The unions the caller may enrol members of: an officer's own subtree; admins everything (null). */
  private async scope(user: AuthUser, orgId: string | undefined): Promise<string[] | null> {
    const isAdmin = user.roles.includes('admin');
    const own = user.orgs.officer;
    if (!isAdmin && !own) throw notFound('ORG_NOT_FOUND');
    const root = orgId ?? (isAdmin ? null : own!);
    if (root === null) return null;
    if (!isAdmin && !(await this.orgs.isWithin(root, own!))) throw notFound('ORG_NOT_FOUND');
    if (!(await this.orgs.findById(root))) throw notFound('ORG_NOT_FOUND');
    return this.orgs.subtreeIds(root);
  }

  async candidates(user: AuthUser, planId: string, q: { orgId?: string; q?: string; enrolled?: 'true' | 'false' }, p: PageParams): Promise<Paged<EnrolmentCandidate>> {
    const plan = await this.repo.findPlan(planId);
    if (!plan) throw notFound('PLAN_NOT_FOUND');
    const orgIds = await this.scope(user, q.orgId);
    const { rows, total } = await this.repo.candidates(plan.id, orgIds, { q: q.q?.trim() || undefined, enrolled: q.enrolled === undefined ? undefined : q.enrolled === 'true' }, p);
    return paged(
      rows.map((r) => ({ userId: r.userId, name: r.name, memberNo: r.memberNo, phoneMasked: r.phone ? maskPhone(r.phone) : '', orgName: r.orgName, enrolled: !!r.enrolmentId })),
      total,
      p,
    );
  }

  /** Enrols the ticked members; anyone not an active member in the caller's scope is skipped. */
  async enrol(user: AuthUser, planId: string, dto: EnrolRequest): Promise<EnrolResponse> {
    const plan = await this.repo.findPlan(planId);
    if (!plan || !plan.active) throw notFound('PLAN_NOT_FOUND');
    const today = this.clock.today();
    if (today > plan.periodEnd) throw invalid({ planId: '该计划的保障期已结束' });
    const coverageStart = dto.coverageStart ?? (today > plan.periodStart ? today : plan.periodStart);
    if (coverageStart < plan.periodStart || coverageStart > plan.periodEnd) {
      throw invalid({ coverageStart: `保障开始日期应在${plan.periodStart}至${plan.periodEnd}之间` });
    }
    const backdated = coverageStart < today;
    const isAdmin = user.roles.includes('admin');
    // A start before today covers treatment that already happened: only an admin may, and it is audited.
    if (backdated && !isAdmin) {
      throw new AppException('COVERAGE_BACKDATED', HttpStatus.FORBIDDEN, { fields: { coverageStart: errorMessage('COVERAGE_BACKDATED') } });
    }
    const waived = dto.waiveWaitingPeriod === true;
    const waitingEndsOn = waived ? coverageStart : addDays(coverageStart, plan.waitingPeriodDays);
    const orgIds = await this.scope(user, undefined);
    const userIds = [...new Set(dto.userIds.map((u) => u.toLowerCase()))];
    // Nobody grants themselves better terms than anyone enrolled the ordinary way.
    if ((waived || backdated) && userIds.includes(user.id.toLowerCase())) throw forbidden('OWN_ENROLMENT');
    const memberships = await this.repo.activeMembershipsOf(userIds);
    const result: EnrolResponse = { enrolled: [], alreadyEnrolled: [], skipped: [] };
    for (const userId of userIds) {
      const m = memberships.find((x) => x.userId === userId);
      if (!m || (orgIds && !orgIds.includes(m.orgId))) {
        result.skipped.push(userId);
        continue;
      }
      const outcome = await this.tx
        .run(async (em) => {
          if (await this.repo.findEnrolment(plan.id, userId, em)) return 'already' as const;
          const row: EnrolmentEntity = {
            id: newId(),
            planId: plan.id,
            userId,
            orgId: m.orgId,
            coverageStart,
            coverageEnd: plan.periodEnd,
            waitingEndsOn,
            usedAmount: 0,
            enrolledBy: user.id,
            createdAt: this.clock.now(),
          };
          await em.insert(EnrolmentEntity, row);
          // Terms better than the plan's default name who gave them, member by member.
          if (backdated) await this.audit.record(user.id, 'plan.enrol.backdated', 'enrolment', row.id, `coverageStart=${coverageStart}; waitingEndsOn=${waitingEndsOn}`);
          else if (waived) await this.audit.record(user.id, 'plan.enrol.waived', 'enrolment', row.id, `coverageStart=${coverageStart}`);
          return 'enrolled' as const;
        })
        .catch((err) => {
          // Two officers ticking the same member at once: the unique index lets one in.
          if (isUniqueViolation(err)) return 'already' as const;
          throw err;
        });
      (outcome === 'enrolled' ? result.enrolled : result.alreadyEnrolled).push(userId);
    }
    if (result.enrolled.length) await this.audit.record(user.id, 'plan.enrol', 'plan', plan.id, `${result.enrolled.length} members`);
    return result;
  }

  async coverage(userId: string): Promise<CoverageResponse[]> {
    const enrolments = await this.repo.enrolmentsOf(userId);
    const plans = await this.repo.plansByIds(enrolments.map((e) => e.planId));
    return enrolments.flatMap((e) => {
      const plan = plans.find((p) => p.id === e.planId);
      return plan ? [toCoverageResponse(e, plan)] : [];
    });
  }
}

function checkPlan(plan: PlanEntity): void {
  const problems = checkPayoutRule(plan);
  if (plan.periodEnd < plan.periodStart) problems.periodEnd = '保障期结束日期不能早于开始日期';
  if (Object.keys(problems).length) throw invalid(problems);
}
