import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Paged, StaffGrantResponse } from '@unionhome/shared';
import { notFound } from '../../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../../common/auth-user';
import { Idempotent } from '../../common/idempotency.interceptor';
import { pageParams } from '../../common/paging';
import { CreateStaffGrantDto, StaffQueryDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

const GrantId = () => Param('grantId', new ParseUUIDPipe({ exceptionFactory: () => notFound('GRANT_NOT_FOUND') }));

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/staff')
@Roles('admin')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'Staff grants by role and organisation (orgId: that organisation and its subtree)' })
  list(@Query() q: StaffQueryDto): Promise<Paged<StaffGrantResponse>> {
    return this.staff.list({ role: q.role, orgId: q.orgId }, pageParams(q));
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Grant a role by phone (the person is created if the phone is new); granting a held role returns it' })
  async grant(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffGrantDto): Promise<StaffGrantResponse> {
    return (await this.staff.grant(user.id, dto)).grant;
  }

  @Delete(':grantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a grant; takes effect at the grantee’s next request; the last admin stays (409 LAST_ADMIN)' })
  async revoke(@CurrentUser() user: AuthUser, @GrantId() grantId: string): Promise<void> {
    await this.staff.revoke(user.id, grantId);
  }
}
