import { addDays, idNumberCheckChar, recheckDueDate } from '@unionhome/shared';
import { newId } from '../../common/ids';
import { HardshipApplicationEntity } from '../../hardship/entities/hardship-application.entity';
import { HardshipArchiveCounterEntity } from '../../hardship/entities/hardship-archive-counter.entity';
import { HardshipEventEntity } from '../../hardship/entities/hardship-event.entity';
import { sealHardshipData } from '../../hardship/hardship-data';
import { formatArchiveNo } from '../../hardship/hardship-review.service';
import { SeedContext } from './seed-context';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/**
 * One case in the hardship archive (困难职工档案): 张伟's family, approved 340 days ago, so its
 * re-check falls within the next 30 days and the reviewer's archive page has something to show.
 * It is decided, so 张伟 may still open a new application.
 */
export async function seedHardship(ctx: SeedContext): Promise<void> {
  const { em, cipher, clock } = ctx;
  const applicantId = ctx.userIds['13800000001'];
  const officerId = ctx.userIds['13800000002'];
  const reviewerId = ctx.userIds['13800000005'];
  const decidedOn = addDays(clock.today(), -340);
  const decidedAt = new Date(`${decidedOn}T10:00:00+08:00`);
  const submittedAt = new Date(decidedAt.getTime() - 12 * 86_400_000);
  const checkedAt = new Date(decidedAt.getTime() - 5 * 86_400_000);
  const year = decidedOn.slice(0, 4);
  const id = newId();
  const data = {
    description: '爱人去年查出尿毒症，每周透析三次，家里只靠我一个人送快递的收入，孩子还在上小学。',
    household: [
      { relation: '本人', name: '张伟', idNumber: withCheck('33060219900315123'), monthlyIncome: 260000 },
      { relation: '配偶', name: '陈丽', idNumber: withCheck('33060219920708222'), monthlyIncome: 0 },
      { relation: '子女', name: '张小宇', idNumber: withCheck('33060220180512331'), monthlyIncome: 0 },
    ],
    monthlyNecessaryExpenses: 150000,
  };
  await em.insert(HardshipApplicationEntity, {
    id,
    applicantId,
    openApplicantId: null,
    status: 'approved',
    situation: 'major_illness',
    regionCode: '330602',
    orgId: ctx.orgIds['DEMO-GRASSROOTS'],
    householdSize: data.household.length,
    dataCipher: sealHardshipData(cipher, data),
    assetCheckConsent: true,
    consentAt: submittedAt,
    minimumLiving: 115000,
    aidTypes: ['living', 'medical'],
    archiveNo: formatArchiveNo('330602', year, 1),
    recheckDue: recheckDueDate(decidedOn),
    submittedAt,
    decidedAt,
    createdAt: new Date(submittedAt.getTime() - 3_600_000),
    updatedAt: decidedAt,
  });
  const steps = [
    { status: 'draft', actorId: applicantId, actorRole: 'applicant', at: new Date(submittedAt.getTime() - 3_600_000), reason: null },
    { status: 'submitted', actorId: applicantId, actorRole: 'applicant', at: submittedAt, reason: null },
    { status: 'checked', actorId: officerId, actorRole: 'officer', at: checkedAt, reason: null },
    { status: 'approved', actorId: reviewerId, actorRole: 'hardship_reviewer', at: decidedAt, reason: '情况属实，纳入困难职工档案' },
  ] as const;
  for (const [i, s] of steps.entries()) await em.insert(HardshipEventEntity, { id: newId(), applicationId: id, seq: i + 1, ...s });
  await em.insert(HardshipArchiveCounterEntity, { scope: `330602-${year}`, lastNo: 1 });
}
