import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  APPLICATION_KIND_LABELS,
  ApplicationCreatedResponse,
  ApplicationResponse,
  ApplicationStatus,
  ApproveApplicationResponse,
  ERROR_MESSAGES,
  ErrorCode,
  ID_NUMBER_CONSENT,
  IdNumberCheck,
  ID_NUMBER_PROBLEM_MESSAGES,
  MEMBERSHIP_NOTICE,
  MIN_JOIN_AGE,
  Paged,
  RejectApplicationResponse,
  WithdrawApplicationResponse,
  ageFromIdNumber,
  checkIdNumber,
  normalizeIdNumber,
} from '@unionhome/shared';
import { AppException, conflict, forbidden, invalid, notFound, unprocessable } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { paged } from '../common/paging';
import { PiiCipher } from '../common/pii-cipher';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MessagesService } from '../messages/messages.service';
import { OrgEntity } from '../orgs/entities/org.entity';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UserEntity } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { MembershipLookup } from './membership-lookup';
import { ApplicationsRepository } from './applications.repository';
import { CreateApplicationDto } from './dto/application.dto';
import { MembershipApplicationEntity, pendingApplication } from './entities/membership-application.entity';
import { MembershipInviteEntity } from './entities/membership-invite.entity';
import { MembershipEntity } from './entities/membership.entity';
import { InvitesRepository } from './invites.repository';
import { InvitesService, inviteGone } from './invites.service';
import { MembersRepository } from './members.repository';
import { toApplicationResponse } from './membership.mapper';
import { OfficerScope } from './officer-scope';
import { withTxRetry } from '../common/tx-retry';

export const CARD_PAGE = '/packages/membership/pages/card/index';
const JOIN_PAGE_LINK = '/pages/join/index';

type Page = { page: number; limit: number; skip: number };

/** What the officer reads when the number of the application is already on another account. */
const HELD_NUMBER_FOR_OFFICER = '该身份证号码已登记在另一个账号上，不能批准；请电话核实后驳回，并请本人用原来的账号（原手机号）申请';

/** The applicant's identity fields, refused with the field named so the form can show it inline. */
function identityConflict(code: ErrorCode): AppException {
  return new AppException(code, HttpStatus.CONFLICT, { fields: { idNumber: ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES] } });
}

/**
 * Join and transfer applications: the qualification checks (DESIGN.md §1.3), the officer's
 * decision, and the one transaction that ends an old membership and starts the new one.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly invites: InvitesRepository,
    private readonly inviteService: InvitesService,
    private readonly members: MembersRepository,
    private readonly memberships: MembershipLookup,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OfficerScope,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(user: AuthUser, dto: CreateApplicationDto): Promise<ApplicationCreatedResponse> {
    const { invite, org } = await this.inviteService.openInvite(dto.inviteToken);
    if (dto.noticeVersion !== MEMBERSHIP_NOTICE.version) {
      throw unprocessable('NOTICE_OUTDATED', undefined, { currentVersion: MEMBERSHIP_NOTICE.version });
    }
    const today = this.clock.today();
    const idNumber = normalizeIdNumber(dto.idNumber);
    const problem = checkIdNumber(idNumber, today);
    if (problem) throw invalid({ idNumber: ID_NUMBER_PROBLEM_MESSAGES[problem] });
    if ((ageFromIdNumber(idNumber, today) ?? 0) < MIN_JOIN_AGE) throw unprocessable('TOO_YOUNG');

    const index = this.cipher.idNumberIndex(idNumber);
    const applicant = await this.users.findById(user.id);
    if (!applicant) throw notFound('USER_NOT_FOUND');
    // The refusals here are about the caller themselves. Whether the number is someone else's is never
    // answered to the caller (that would tell any stranger who is a member): such an application is
    // taken like any other, and the officer sees the number held or contested (idNumberCheck).
    if (applicant.idNumberIndex && applicant.idNumberIndex !== index) throw identityConflict('ID_NUMBER_MISMATCH');

    const active = await this.memberships.findActive(applicant.id);
    if (active?.orgId === org.id) throw conflict('ALREADY_MEMBER');
    if (await this.applications.findOpenFor(applicant.id)) throw conflict('APPLICATION_PENDING');

    const now = this.clock.now();
    const window = this.config.applicationInviteLimit;
    if ((await this.applications.countForInviteSince(invite.id, new Date(now.getTime() - window.ttlSeconds * 1000))) >= window.limit) {
      throw new AppException('APPLICATIONS_TOO_MANY', HttpStatus.TOO_MANY_REQUESTS);
    }
    // Auto-approval is for the plain case: not for a number someone else holds or also gives, and not
    // for an officer joining a union they themselves would approve for (another officer decides).
    const contested = !applicant.idNumberIndex && (!!(await this.users.findByIdNumberIndex(index)) || (await this.applications.countOpenWithIdNumber(index, applicant.id)) > 0);
    const approveAtOnce = org.autoApprove && !contested && !this.scope.covers(user, org);

    const application = pendingApplication(
      {
        orgId: org.id,
        inviteId: invite.id,
        userId: applicant.id,
        kind: active ? 'transfer' : 'join',
        name: dto.name,
        idNumberCipher: this.cipher.encrypt(idNumber),
        idNumberIndex: index,
        phone: dto.phone,
        employer: dto.employer,
        jobType: dto.jobType ?? '',
        noticeVersion: dto.noticeVersion,
        consentVersion: ID_NUMBER_CONSENT.version,
        fromOrgId: active?.orgId ?? null,
      },
      newId(),
      now,
    );
    try {
      return await withTxRetry(() =>
        this.tx.run(async (em) => {
          if (!(await this.invites.takeUse(em, invite.id, now))) {
            const latest = await em.findOneByOrFail(MembershipInviteEntity, { id: invite.id });
            throw inviteGone(latest, now) ?? new AppException('INVITE_USED_UP', HttpStatus.GONE);
          }
          await em.insert(MembershipApplicationEntity, { ...application });
          if (!approveAtOnce) return { id: application.id, status: 'pending' as const, kind: application.kind, orgName: org.name, memberNo: null };
          const memberNo = await this.approveIn(em, { ...application }, org, null);
          return { id: application.id, status: 'approved' as const, kind: application.kind, orgName: org.name, memberNo };
        }),
      );
    } catch (err) {
      // The open-application key is unique per account: a concurrent second application lands here.
      if (isUniqueViolation(err)) throw conflict('APPLICATION_PENDING');
      throw err;
    }
  }

  async approve(user: AuthUser, id: string): Promise<ApproveApplicationResponse> {
    const { application, org } = await this.forOfficer(user, id);
    if (application.status !== 'pending') throw conflict('APPLICATION_NOT_PENDING');
    // Nobody decides on their own membership, however their role reaches the union.
    if (application.userId === user.id) throw forbidden('OWN_APPLICATION');
    // A deactivated union takes no one new, also from applications sent before; rejecting still works.
    if (!org.active) throw unprocessable('ORG_INACTIVE');
    const memberNo = await withTxRetry(() => this.tx.run((em) => this.approveIn(em, application, org, user.id)));
    return { status: 'approved', memberNo };
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<RejectApplicationResponse> {
    const { application, org } = await this.forOfficer(user, id);
    if (application.status !== 'pending') throw conflict('APPLICATION_NOT_PENDING');
    if (application.userId === user.id) throw forbidden('OWN_APPLICATION', '不能审批自己的入会申请；不想申请了可以自己撤回');
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      // The consent text promises that a refused application's ID number is deleted at once.
      const decided = await this.applications.decide(em, application.id, {
        status: 'rejected',
        rejectReason: reason,
        decidedBy: user.id,
        decidedAt: now,
        idNumberCipher: null,
        idNumberIndex: null,
      });
      if (!decided) throw conflict('APPLICATION_NOT_PENDING');
      await this.messages.send(
        application.userId,
        {
          title: `${APPLICATION_KIND_LABELS[application.kind]}申请未通过`,
          body: `您申请加入${org.name}未获通过。原因：${reason}。如有疑问请联系该工会，也可以重新扫码申请。`,
          link: JOIN_PAGE_LINK,
        },
        em,
      );
      await this.audit.record(user.id, 'application.reject', 'membership_application', application.id);
    });
    return { status: 'rejected' };
  }

  /** The applicant takes back a pending application: the ID number given goes with it, the account is free to apply again. */
  async withdraw(user: AuthUser, id: string): Promise<WithdrawApplicationResponse> {
    const application = await this.applications.findById(id);
    if (!application || application.userId !== user.id) throw notFound();
    if (application.status !== 'pending') throw conflict('APPLICATION_NOT_PENDING');
    const decided = await this.tx.run((em) =>
      this.applications.decide(em, application.id, { status: 'withdrawn', decidedBy: user.id, decidedAt: this.clock.now(), idNumberCipher: null, idNumberIndex: null }),
    );
    if (!decided) throw conflict('APPLICATION_NOT_PENDING');
    return { status: 'withdrawn' };
  }

  async listForOrg(user: AuthUser, orgId: string, status: ApplicationStatus | undefined, p: Page): Promise<Paged<ApplicationResponse>> {
    const { ids } = await this.scope.orgIds(user, orgId);
    const [rows, total] = await this.applications.listForOrgs(ids, status, p);
    return paged(await this.present(rows, { staffId: user.id }), total, p);
  }

  async listMine(user: AuthUser, p: Page): Promise<Paged<ApplicationResponse>> {
    const [rows, total] = await this.applications.listForUser(user.id, p);
    return paged(await this.present(rows), total, p);
  }

  /** The applicant sees their own; an officer of the union sees it too, and that read is audited. */
  async get(user: AuthUser, id: string): Promise<ApplicationResponse> {
    const application = await this.applications.findById(id);
    if (!application) throw notFound();
    if (application.userId !== user.id) {
      if (!(await this.scope.orgIdCovered(user, application.orgId))) throw notFound();
      await this.audit.record(user.id, 'application.read', 'membership_application', application.id);
      return (await this.present([application], { staffId: user.id }))[0];
    }
    return (await this.present([application]))[0];
  }

  private async forOfficer(user: AuthUser, id: string): Promise<{ application: MembershipApplicationEntity; org: OrgEntity }> {
    const application = await this.applications.findById(id);
    const org = application ? await this.orgs.findById(application.orgId) : null;
    if (!application || !org || !this.scope.covers(user, org)) throw notFound();
    return { application, org };
  }

  /**
   * Approval, inside the caller's transaction: the application is decided exactly once, the
   * person's identity goes onto their account, a transfer ends the old membership, and the new
   * membership with its number exists — all or nothing. Returns the member number.
   */
  private async approveIn(em: EntityManager, application: MembershipApplicationEntity, org: OrgEntity, actorId: string | null): Promise<string> {
    const now = this.clock.now();
    if (!(await this.applications.decide(em, application.id, { status: 'approved', decidedBy: actorId, decidedAt: now }))) {
      throw conflict('APPLICATION_NOT_PENDING');
    }

    const person = await em.findOneByOrFail(UserEntity, { id: application.userId });
    if (person.idNumberIndex && person.idNumberIndex !== application.idNumberIndex) throw identityConflict('ID_NUMBER_MISMATCH');
    if (!person.idNumberIndex && application.idNumberIndex && (await em.findOneBy(UserEntity, { idNumberIndex: application.idNumberIndex }))) {
      throw new AppException('ID_NUMBER_IN_USE', HttpStatus.CONFLICT, { message: HELD_NUMBER_FOR_OFFICER, fields: { idNumber: HELD_NUMBER_FOR_OFFICER } });
    }
    try {
      await em.update(
        UserEntity,
        { id: person.id },
        person.idNumberIndex
          ? { name: application.name }
          : { name: application.name, idNumberCipher: application.idNumberCipher, idNumberIndex: application.idNumberIndex },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppException('ID_NUMBER_IN_USE', HttpStatus.CONFLICT, { message: HELD_NUMBER_FOR_OFFICER, fields: { idNumber: HELD_NUMBER_FOR_OFFICER } });
      throw err;
    }

    const previous = await this.members.findActiveIn(em, person.id);
    if (previous?.orgId === org.id) throw conflict('ALREADY_MEMBER');
    const fromOrg = previous ? await em.findOneBy(OrgEntity, { id: previous.orgId }) : null;
    if (previous && !(await this.members.end(em, previous, now))) throw conflict('CONFLICT');

    const memberNo = await this.members.nextMemberNo(em, org.regionCode);
    const membership: MembershipEntity = {
      id: newId(),
      userId: person.id,
      activeUserId: person.id,
      orgId: org.id,
      memberNo,
      status: 'active',
      employer: application.employer,
      jobType: application.jobType,
      // A transfer keeps the member's years: the notice promises continuous membership.
      joinedAt: previous?.joinedAt ?? this.clock.today(),
      leftAt: null,
      createdAt: now,
    };
    try {
      await em.insert(MembershipEntity, membership);
    } catch (err) {
      // The unique active-user index: never two active memberships, whatever ran concurrently.
      if (isUniqueViolation(err)) throw conflict('CONFLICT');
      throw err;
    }
    await em.update(MembershipApplicationEntity, { id: application.id }, { membershipId: membership.id, memberNo });

    const body = fromOrg
      ? `您已从${fromOrg.name}转入${org.name}，原会籍同时结束。会员编号${memberNo}，可在“会员卡”中出示电子会员卡。`
      : `欢迎加入${org.name}！您的会员编号是${memberNo}，可在“会员卡”中出示电子会员卡。`;
    await this.messages.send(person.id, { title: `${APPLICATION_KIND_LABELS[application.kind]}申请已通过`, body, link: CARD_PAGE }, em);
    if (actorId) await this.audit.record(actorId, 'application.approve', 'membership_application', application.id);
    return memberNo;
  }

  /** `staffId`: read by staff, who see the ID-number check — except on their own application (an officer's way to probe a number). */
  private async present(rows: MembershipApplicationEntity[], opts: { staffId?: string } = {}): Promise<ApplicationResponse[]> {
    const orgIds = [...new Set(rows.flatMap((a) => (a.fromOrgId ? [a.orgId, a.fromOrgId] : [a.orgId])))];
    const orgs = orgIds.length ? await this.tx.manager().findBy(OrgEntity, { id: In(orgIds) }) : [];
    const name = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? '') : null);
    const out: ApplicationResponse[] = [];
    for (const a of rows) {
      const response = toApplicationResponse(a, { orgName: name(a.orgId) ?? '', fromOrgName: name(a.fromOrgId), idNumber: a.idNumberCipher ? this.cipher.decrypt(a.idNumberCipher) : null });
      if (opts.staffId && opts.staffId !== a.userId && a.status === 'pending' && a.idNumberIndex) response.idNumberCheck = await this.idNumberCheck(a, a.idNumberIndex);
      out.push(response);
    }
    return out;
  }

  /**
   * For the officer only: is this number already on another account, is it given by other pending
   * applications, and does this applicant's phone (the one typed, or the one they log in with) match
   * the holder's. The real person is found by their phone, not by who applied first.
   */
  private async idNumberCheck(a: MembershipApplicationEntity, index: string): Promise<IdNumberCheck> {
    const holder = await this.users.findByIdNumberIndex(index);
    const held = !!holder && holder.id !== a.userId;
    let phoneMatchesHolder: boolean | null = null;
    if (held) {
      const applicant = await this.users.findById(a.userId);
      phoneMatchesHolder = !!holder.phone && (holder.phone === a.phone || holder.phone === applicant?.phone);
    }
    return { heldByOtherAccount: held, phoneMatchesHolder, otherPendingApplications: await this.applications.countOpenWithIdNumber(index, a.userId) };
  }
}
