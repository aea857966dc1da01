import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApplicationCreatedResponse, ApplicationResponse, ApproveApplicationResponse, Paged, RejectApplicationResponse, WithdrawApplicationResponse } from '@unionhome/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { PageQueryDto, pageParams } from '../common/paging';
import { RateLimitPerPerson } from '../common/rate-limit/rate-limiter';
import { ApplicationsService } from './applications.service';
import { ApplicationQueryDto, CreateApplicationDto, RejectApplicationDto } from './dto/application.dto';
import { idParam } from './id-param';

@ApiTags('membership')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** Any logged-in worker applies; the invite decides which union. A few a window per person: see RATE_LIMIT_APPLICATION. */
  @RateLimitPerPerson('application')
  @Idempotent()
  @Post('membership-applications')
  apply(@CurrentUser() user: AuthUser, @Body() dto: CreateApplicationDto): Promise<ApplicationCreatedResponse> {
    return this.applications.apply(user, dto);
  }

  @Get('me/membership-applications')
  mine(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto): Promise<Paged<ApplicationResponse>> {
    return this.applications.listMine(user, pageParams(q));
  }

  @Roles('officer')
  @Get('orgs/:orgId/membership-applications')
  listForOrg(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Query() q: ApplicationQueryDto): Promise<Paged<ApplicationResponse>> {
    return this.applications.listForOrg(user, orgId, q.status, pageParams(q));
  }

  @Get('membership-applications/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', idParam()) id: string): Promise<ApplicationResponse> {
    return this.applications.get(user, id);
  }

  /** The applicant takes back their pending application. */
  @Post('membership-applications/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', idParam()) id: string): Promise<WithdrawApplicationResponse> {
    return this.applications.withdraw(user, id);
  }

  @Roles('officer')
  @Post('membership-applications/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', idParam()) id: string): Promise<ApproveApplicationResponse> {
    return this.applications.approve(user, id);
  }

  @Roles('officer')
  @Post('membership-applications/:id/reject')
  @HttpCode(200)
  reject(@CurrentUser() user: AuthUser, @Param('id', idParam()) id: string, @Body() dto: RejectApplicationDto): Promise<RejectApplicationResponse> {
    return this.applications.reject(user, id, dto.reason);
  }
}
