import { newId } from '../../common/ids';
import { EnrolmentEntity } from '../../claims/entities/enrolment.entity';
import { PlanEntity } from '../../claims/entities/plan.entity';
import { SeedContext } from './seed-context';

/**
 * The demo plan of API.md: DEMO-INPATIENT, the current calendar year, 40 % of the eligible amount,
 * no deductible, at most ¥20,000 a year, no waiting period for seeded members; 张伟 is enrolled.
 */
export async function seedClaims(ctx: SeedContext): Promise<void> {
  const { em, clock } = ctx;
  const now = clock.now();
  const year = clock.today().slice(0, 4);
  const plan: PlanEntity = {
    id: newId(),
    code: 'DEMO-INPATIENT',
    name: '职工住院医疗互助',
    description: '在职会员住院治疗，医保统筹支付后个人负担部分按40%给予互助补助，每人每年最高2万元；困难职工、劳模加5个百分点。出院后180天内申请。',
    premium: 5000,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    waitingPeriodDays: 0,
    claimDeadlineDays: 180,
    deductible: 0,
    tiers: [{ from: 0, to: null, ratioBp: 4000 }],
    bonusBp: 500,
    bonusTags: ['hardship', 'model_worker'],
    perClaimCap: null,
    annualCap: 2_000_000,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  await em.insert(PlanEntity, plan);
  const zhangwei = ctx.userIds['13800000001'];
  await em.insert(EnrolmentEntity, {
    id: newId(),
    planId: plan.id,
    userId: zhangwei,
    orgId: ctx.orgIds['DEMO-GRASSROOTS'],
    coverageStart: plan.periodStart,
    coverageEnd: plan.periodEnd,
    waitingEndsOn: plan.periodStart,
    usedAmount: 0,
    enrolledBy: ctx.userIds['13800000006'],
    createdAt: now,
  });
}
