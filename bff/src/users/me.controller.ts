import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { maskPhone, MeResponse, Role } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser } from '../common/auth-user';
import { TransactionRunner } from '../common/transaction-runner';
import { MembershipLookup } from '../membership/membership-lookup';
import { OrgEntity } from '../orgs/entities/org.entity';
import { UsersRepository } from './users.repository';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersRepository, private readonly memberships: MembershipLookup, private readonly tx: TransactionRunner) {}

  @Get()
  async me(@CurrentUser() caller: AuthUser): Promise<MeResponse> {
    const user = await this.users.findById(caller.id);
    if (!user) throw notFound('USER_NOT_FOUND');
    const [membership, scoped] = await Promise.all([this.memberships.summary(user.id), this.users.rolesOf(user.id)]);
    const roles = [...new Set(scoped.map((r) => r.role))] as Role[];
    const staffOrgId = scoped.find((r) => r.orgId)?.orgId ?? null;
    const staffOrg = staffOrgId ? await this.tx.manager().findOneBy(OrgEntity, { id: staffOrgId }) : null;
    return {
      id: user.id,
      name: user.name,
      phoneMasked: user.phone ? maskPhone(user.phone) : '',
      roles: membership ? ['member', ...roles] : roles,
      staffOrg: staffOrg ? { id: staffOrg.id, name: staffOrg.name } : null,
      membership,
    };
  }
}
