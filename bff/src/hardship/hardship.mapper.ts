import {
  daysBetween,
  maskIdNumber,
  maskName,
  maskPhone,
  toBusinessIso,
  type HardshipApplicationResponse,
  type HardshipApplicationSaved,
  type HardshipApplicationSummary,
  type HardshipArchiveEntry,
  type HardshipTimelineEntry,
  type HardshipTransitionResponse,
  type StoredDocumentResponse,
  isEditableHardshipStatus,
} from '@unionhome/shared';
import { UserEntity } from '../users/entities/user.entity';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipEventEntity } from './entities/hardship-event.entity';
import { HardshipData, incomeTestOf } from './hardship-data';

/** Pure mappers from rows to the shared response types; entities never leave the BFF. */

const iso = (d: Date | null): string | null => (d ? toBusinessIso(d) : null);

export type HardshipView = 'applicant' | 'staff';

/** The applicant's name: the account's, else the household's 本人 row. Staff lists show it masked. */
export function applicantName(user: UserEntity | undefined, data: HardshipData, view: HardshipView): string {
  const name = user?.name || data.household.find((m) => m.relation === '本人')?.name || '';
  return view === 'staff' ? maskName(name) : name;
}

export function toSaved(app: HardshipApplicationEntity, data: HardshipData): HardshipApplicationSaved {
  const test = incomeTestOf(data, app.minimumLiving);
  return { id: app.id, status: app.status, perCapitaIncome: test?.perCapitaIncome ?? null, minimumLiving: app.minimumLiving, belowMinimum: test?.belowMinimum ?? null };
}

export function toTimelineEntry(e: HardshipEventEntity): HardshipTimelineEntry {
  return { status: e.status, at: toBusinessIso(e.at), by: e.actorRole, reason: e.reason };
}

export interface DetailContext {
  view: HardshipView;
  regionName: string;
  orgName: string;
  events: HardshipEventEntity[];
  documents: StoredDocumentResponse[];
  applicant: UserEntity | undefined;
}

export function toDetail(app: HardshipApplicationEntity, data: HardshipData, ctx: DetailContext): HardshipApplicationResponse {
  const test = incomeTestOf(data, app.minimumLiving);
  const staff = ctx.view === 'staff';
  return {
    id: app.id,
    status: app.status,
    situation: app.situation,
    regionCode: app.regionCode,
    regionName: ctx.regionName,
    orgId: app.orgId,
    orgName: ctx.orgName,
    description: data.description,
    household: data.household.map((m) => ({ ...m, idNumber: maskIdNumber(m.idNumber) })),
    monthlyNecessaryExpenses: data.monthlyNecessaryExpenses,
    assetCheckConsent: app.assetCheckConsent,
    perCapitaIncome: test?.perCapitaIncome ?? null,
    minimumLiving: app.minimumLiving,
    belowMinimum: test?.belowMinimum ?? null,
    incomeTest: test,
    documents: ctx.documents,
    timeline: ctx.events.map(toTimelineEntry),
    aidTypes: app.aidTypes ?? [],
    archiveNo: app.archiveNo,
    recheckDue: app.recheckDue,
    applicant: staff ? { name: applicantName(ctx.applicant, data, 'applicant'), phoneMasked: ctx.applicant?.phone ? maskPhone(ctx.applicant.phone) : '' } : null,
    view: ctx.view,
    editable: !staff && isEditableHardshipStatus(app.status),
    createdAt: toBusinessIso(app.createdAt),
    updatedAt: toBusinessIso(app.updatedAt),
    submittedAt: iso(app.submittedAt),
    decidedAt: iso(app.decidedAt),
  };
}

export function toSummary(
  app: HardshipApplicationEntity,
  data: HardshipData,
  ctx: { view: HardshipView; regionName: string; orgName: string; applicant: UserEntity | undefined },
): HardshipApplicationSummary {
  const test = incomeTestOf(data, app.minimumLiving);
  return {
    id: app.id,
    status: app.status,
    situation: app.situation,
    regionCode: app.regionCode,
    regionName: ctx.regionName,
    orgName: ctx.orgName,
    applicantName: applicantName(ctx.applicant, data, ctx.view),
    householdSize: app.householdSize,
    perCapitaIncome: test?.perCapitaIncome ?? null,
    minimumLiving: app.minimumLiving,
    belowMinimum: test?.belowMinimum ?? null,
    createdAt: toBusinessIso(app.createdAt),
    updatedAt: toBusinessIso(app.updatedAt),
    submittedAt: iso(app.submittedAt),
    archiveNo: app.archiveNo,
    recheckDue: app.recheckDue,
  };
}

export function toArchiveEntry(
  app: HardshipApplicationEntity,
  data: HardshipData,
  ctx: { today: string; regionName: string; orgName: string; applicant: UserEntity | undefined },
): HardshipArchiveEntry {
  return {
    id: app.id,
    archiveNo: app.archiveNo ?? '',
    applicantName: applicantName(ctx.applicant, data, 'staff'),
    situation: app.situation,
    regionCode: app.regionCode,
    regionName: ctx.regionName,
    orgName: ctx.orgName,
    aidTypes: app.aidTypes ?? [],
    decidedAt: iso(app.decidedAt) ?? '',
    recheckDue: app.recheckDue ?? '',
    daysUntilRecheck: app.recheckDue ? daysBetween(ctx.today, app.recheckDue) : 0,
  };
}

export function toTransition(app: HardshipApplicationEntity, reason: string | null): HardshipTransitionResponse {
  return { id: app.id, status: app.status, reason, aidTypes: app.aidTypes ?? [], archiveNo: app.archiveNo, recheckDue: app.recheckDue };
}
