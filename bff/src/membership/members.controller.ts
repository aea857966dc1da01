import { Body, Controller, Get, Param, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MemberDetailResponse, MemberListResponse, MembershipSettings } from '@unionhome/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Clock } from '../common/clock';
import { pageParams } from '../common/paging';
import { MemberQueryDto, MembershipSettingsDto } from './dto/member.dto';
import { idParam } from './id-param';
import { MembersService } from './members.service';

/** The union's own register, for its officers (and those of the unions above it). */
@ApiTags('membership')
@ApiBearerAuth()
@Roles('officer')
@Controller('orgs/:orgId')
export class MembersController {
  constructor(private readonly members: MembersService, private readonly clock: Clock) {}

  @Get('members')
  list(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Query() q: MemberQueryDto): Promise<MemberListResponse> {
    return this.members.list(user, orgId, q, pageParams(q));
  }

  @Get('members/export')
  @ApiProduces('text/csv')
  async export(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Query() q: MemberQueryDto): Promise<StreamableFile> {
    const { csv, orgName } = await this.members.exportCsv(user, orgId, q);
    const fileName = `${orgName}会员名册-${this.clock.today()}.csv`;
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="members.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Get('members/:membershipId')
  detail(
    @CurrentUser() user: AuthUser,
    @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string,
    @Param('membershipId', idParam()) membershipId: string,
  ): Promise<MemberDetailResponse> {
    return this.members.detail(user, orgId, membershipId);
  }

  @Get('membership-settings')
  settings(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string): Promise<MembershipSettings> {
    return this.members.settings(user, orgId);
  }

  @Put('membership-settings')
  updateSettings(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Body() dto: MembershipSettingsDto): Promise<MembershipSettings> {
    return this.members.updateSettings(user, orgId, dto);
  }
}
