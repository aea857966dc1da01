import { HttpStatus, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  EDITABLE_HARDSHIP_STATUSES,
  householdProblems,
  isEditableHardshipStatus,
  SITUATION_LABELS,
  type HardshipApplicationResponse,
  type HardshipApplicationSaved,
  type HardshipApplicationSummary,
  type HardshipStatus,
  type Paged,
} from '@unionhome/shared';
import { AppException, conflict, invalid, notFound } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { PiiCipher } from '../common/pii-cipher';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { MembershipLookup } from '../membership/membership-lookup';
import { MessagesService } from '../messages/messages.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { CreateHardshipApplicationDto, SubmitHardshipApplicationDto, UpdateHardshipApplicationDto } from './dto/hardship-application.dto';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipEventEntity, HardshipActorRole } from './entities/hardship-event.entity';
import { RegionEntity } from './entities/region.entity';
import { HardshipAccess } from './hardship-access';
import { EMPTY_HARDSHIP_DATA, HardshipData, normalizeHousehold, openHardshipData, sealHardshipData, unmaskHousehold } from './hardship-data';
import { HardshipDocuments } from './hardship-documents';
import { HardshipView, toDetail, toSaved, toSummary } from './hardship.mapper';
import { HardshipRepository, PageWindow } from './hardship.repository';

export const HARDSHIP_SUBJECT = 'hardship_application';

/** Where a message about a case takes the applicant. */
export const caseLink = (id: string) => `/packages/hardship/pages/detail/index?id=${id}`;

/**
 * The applicant's side of a case: create and edit the server-side draft, submit, read it back,
 * list one's own. Also the one place that reads a case for anyone (staff reads are audited here).
 */
@Injectable()
export class HardshipApplicationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly memberships: MembershipLookup,
    private readonly orgs: OrgsRepository,
    private readonly repo: HardshipRepository,
    private readonly access: HardshipAccess,
    private readonly documents: HardshipDocuments,
  ) {}

  async create(user: AuthUser, dto: CreateHardshipApplicationDto): Promise<HardshipApplicationSaved> {
    const region = await this.requireRegion(dto.regionCode);
    const orgId = await this.resolveOrg(user.id, dto.orgId, dto.regionCode);
    const data: HardshipData = {
      description: dto.description?.trim() ?? '',
      household: dto.household ? this.checkedHousehold(dto.household, []) : [],
      monthlyNecessaryExpenses: dto.monthlyNecessaryExpenses ?? 0,
    };
    const open = await this.repo.findOpenByApplicant(user.id);
    if (open) throw this.openExists(open.id);
    const now = this.clock.now();
    const app: HardshipApplicationEntity = {
      id: newId(),
      applicantId: user.id,
      openApplicantId: user.id,
      status: 'draft',
      situation: dto.situation,
      regionCode: region.code,
      orgId,
      householdSize: data.household.length,
      dataCipher: sealHardshipData(this.cipher, data),
      assetCheckConsent: dto.assetCheckConsent === true,
      consentAt: dto.assetCheckConsent === true ? now : null,
      minimumLiving: region.minimumLiving,
      aidTypes: null,
      archiveNo: null,
      recheckDue: null,
      submittedAt: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.tx.run(async (em) => {
        await em.insert(HardshipApplicationEntity, app);
        await this.repo.appendEvent(em, this.event(app.id, 'draft', user.id, 'applicant', null));
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Another create of the same person won the race on uq_hardship_open_applicant.
      const winner = await this.repo.findOpenByApplicant(user.id);
      throw this.openExists(winner?.id);
    }
    return toSaved(app, data);
  }

  async update(user: AuthUser, id: string, dto: UpdateHardshipApplicationDto): Promise<HardshipApplicationSaved> {
    return this.tx.run(async (em) => {
      const app = await this.repo.lockById(em, id);
      if (!app || app.applicantId !== user.id) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
      if (!isEditableHardshipStatus(app.status)) throw conflict('APPLICATION_NOT_EDITABLE');
      const regionCode = dto.regionCode ?? app.regionCode;
      const region = await this.requireRegion(regionCode);
      const orgId = dto.orgId !== undefined || dto.regionCode !== undefined ? await this.resolveOrg(user.id, dto.orgId ?? app.orgId, regionCode) : app.orgId;
      const before = openHardshipData(this.cipher, app.dataCipher);
      const household = dto.household ? this.checkedHousehold(dto.household, before.household) : undefined;
      const data: HardshipData = {
        description: dto.description !== undefined ? dto.description.trim() : before.description,
        household: household ?? before.household,
        monthlyNecessaryExpenses: dto.monthlyNecessaryExpenses ?? before.monthlyNecessaryExpenses,
      };
      const now = this.clock.now();
      const consent = dto.assetCheckConsent ?? app.assetCheckConsent;
      Object.assign(app, {
        situation: dto.situation ?? app.situation,
        regionCode,
        orgId,
        householdSize: data.household.length,
        dataCipher: sealHardshipData(this.cipher, data),
        assetCheckConsent: consent,
        consentAt: consent ? (app.consentAt ?? now) : null,
        minimumLiving: region.minimumLiving,
        updatedAt: now,
      });
      await em.update(
        HardshipApplicationEntity,
        { id, applicantId: user.id, status: In([...EDITABLE_HARDSHIP_STATUSES]) },
        {
          situation: app.situation,
          regionCode: app.regionCode,
          orgId: app.orgId,
          householdSize: app.householdSize,
          dataCipher: app.dataCipher,
          assetCheckConsent: app.assetCheckConsent,
          consentAt: app.consentAt,
          minimumLiving: app.minimumLiving,
          updatedAt: app.updatedAt,
        },
      );
      return toSaved(app, data);
    });
  }

  async submit(user: AuthUser, id: string, dto: SubmitHardshipApplicationDto): Promise<{ id: string; status: HardshipStatus }> {
    return this.tx.run(async (em) => {
      const app = await this.repo.lockById(em, id);
      if (!app || app.applicantId !== user.id) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
      if (!isEditableHardshipStatus(app.status)) throw conflict('HARDSHIP_WRONG_STATUS');
      const consent = dto.assetCheckConsent ?? app.assetCheckConsent;
      if (!consent) {
        throw new AppException('ASSET_CHECK_CONSENT_REQUIRED', HttpStatus.UNPROCESSABLE_ENTITY, {
          fields: { assetCheckConsent: '提交前需要您单独授权工会核查家庭财产状况' },
        });
      }
      const data = openHardshipData(this.cipher, app.dataCipher);
      const missing: Record<string, string> = {};
      if (!data.description) missing.description = '请简单说明家里遇到的困难';
      if (data.household.length === 0) missing.household = '请填写家庭成员和收入';
      if (Object.keys(missing).length) throw new AppException('APPLICATION_INCOMPLETE', HttpStatus.UNPROCESSABLE_ENTITY, { fields: missing });
      const problems = householdProblems(data.household, this.clock.today());
      if (Object.keys(problems).length) throw invalid(problems);
      const region = await this.requireRegion(app.regionCode);
      const org = await this.orgs.findById(app.orgId);
      const now = this.clock.now();
      const resubmitted = app.status === 'returned';
      await em.update(
        HardshipApplicationEntity,
        { id },
        { status: 'submitted', submittedAt: now, assetCheckConsent: true, consentAt: app.consentAt ?? now, minimumLiving: region.minimumLiving, updatedAt: now },
      );
      await this.repo.appendEvent(em, this.event(id, 'submitted', user.id, 'applicant', null));
      await this.messages.send(
        user.id,
        {
          title: resubmitted ? '困难帮扶申请已重新提交' : '困难帮扶申请已提交',
          body: `您的困难帮扶申请（${SITUATION_LABELS[app.situation]}）已${resubmitted ? '重新' : ''}提交，${org?.name ?? '工会'}将进行初审，结果会通过消息告诉您。`,
          link: caseLink(id),
        },
        em,
      );
      return { id, status: 'submitted' as const };
    });
  }

  /** Applicant and staff alike read ID numbers masked (a stolen session must not expose the family); staff reads are audited. */
  async get(user: AuthUser, id: string): Promise<HardshipApplicationResponse> {
    const app = await this.repo.findById(id);
    if (!app) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
    let view: HardshipView = 'applicant';
    if (app.applicantId !== user.id) {
      if (!(await this.access.staffMaySee(user, app))) throw notFound('HARDSHIP_APPLICATION_NOT_FOUND');
      view = 'staff';
      await this.audit.record(user.id, 'hardship.read', HARDSHIP_SUBJECT, app.id);
    }
    return this.detail(app, view);
  }

  async detail(app: HardshipApplicationEntity, view: HardshipView): Promise<HardshipApplicationResponse> {
    const [regions, orgs, users, events, documents] = await Promise.all([
      this.repo.regionsByCode([app.regionCode]),
      this.repo.orgsById([app.orgId]),
      this.repo.usersById([app.applicantId]),
      this.repo.timelineOf(app.id),
      this.documents.list(app.id),
    ]);
    return toDetail(app, openHardshipData(this.cipher, app.dataCipher), {
      view,
      regionName: regions.get(app.regionCode)?.name ?? '',
      orgName: orgs.get(app.orgId)?.name ?? '',
      events,
      documents,
      applicant: users.get(app.applicantId),
    });
  }

  async listMine(user: AuthUser, p: PageWindow): Promise<Paged<HardshipApplicationSummary>> {
    const [rows, total] = await this.repo.listByApplicant(user.id, p);
    return paged(await this.summaries(rows, 'applicant'), total, p);
  }

  /** List rows with their region, union and applicant names, looked up in one query each. */
  async summaries(rows: HardshipApplicationEntity[], view: HardshipView): Promise<HardshipApplicationSummary[]> {
    const [regions, orgs, users] = await Promise.all([
      this.repo.regionsByCode(rows.map((r) => r.regionCode)),
      this.repo.orgsById(rows.map((r) => r.orgId)),
      this.repo.usersById(rows.map((r) => r.applicantId)),
    ]);
    return rows.map((r) =>
      toSummary(r, this.open(r), { view, regionName: regions.get(r.regionCode)?.name ?? '', orgName: orgs.get(r.orgId)?.name ?? '', applicant: users.get(r.applicantId) }),
    );
  }

  open(app: HardshipApplicationEntity): HardshipData {
    return app.dataCipher ? openHardshipData(this.cipher, app.dataCipher) : EMPTY_HARDSHIP_DATA;
  }

  event(applicationId: string, status: HardshipStatus, actorId: string, actorRole: HardshipActorRole, reason: string | null): Omit<HardshipEventEntity, 'id' | 'seq'> {
    return { applicationId, status, actorId, actorRole, reason, at: this.clock.now() };
  }

  private openExists(id?: string): AppException {
    return conflict('OPEN_APPLICATION_EXISTS', undefined, id ? { id } : undefined);
  }

  private async requireRegion(code: string): Promise<RegionEntity> {
    const region = await this.repo.findRegion(code);
    if (!region) throw new AppException('REGION_NOT_FOUND', HttpStatus.UNPROCESSABLE_ENTITY, { fields: { regionCode: '没有找到该地区，请重新选择' } });
    return region;
  }

  /**
   * The union that does the first check: a member's own union unless they pick another; a
   * non-member must pick one, and what is picked must be a grassroots union of the region.
   */
  private async resolveOrg(userId: string, orgId: string | undefined, regionCode: string): Promise<string> {
    const membership = await this.memberships.findActive(userId);
    if (!orgId) {
      if (membership) return membership.orgId;
      throw invalid({ orgId: '请选择负责初审的基层工会' });
    }
    if (membership?.orgId === orgId) return orgId;
    const org = await this.orgs.findById(orgId);
    if (!org || org.type !== 'grassroots' || org.regionCode !== regionCode) throw invalid({ orgId: '请选择所在地区的一个基层工会' });
    return orgId;
  }

  /** The household rule of record (shared with the form); 400 with the row and field of every problem. */
  private checkedHousehold(members: HardshipData['household'], stored: HardshipData['household']): HardshipData['household'] {
    const { household, problems: unknown } = unmaskHousehold(members, stored);
    if (Object.keys(unknown).length) throw invalid(unknown);
    const normalized = normalizeHousehold(household);
    const problems = householdProblems(normalized, this.clock.today());
    if (Object.keys(problems).length) throw invalid(problems);
    return normalized;
  }
}
