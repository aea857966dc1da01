import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { InvitePreviewResponse, InviteResponse, InviteWithQrResponse, Paged } from '@unionhome/shared';
import { AuthUser, CurrentUser, Public, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { PageQueryDto, pageParams } from '../common/paging';
import { publicBaseUrl } from '../common/public-url';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CreateInviteDto } from './dto/invite.dto';
import { idParam } from './id-param';
import { InvitesService } from './invites.service';

/** Join QR codes: officers make and revoke them; anyone holding one may look at what it invites to. */
@ApiTags('membership')
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ApiBearerAuth()
  @Roles('officer')
  @Idempotent()
  @Post('orgs/:orgId/invites')
  create(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Body() dto: CreateInviteDto, @Req() req: Request): Promise<InviteWithQrResponse> {
    return this.invites.create(user, orgId, dto, publicBaseUrl(this.config.publicUrl, req));
  }

  @ApiBearerAuth()
  @Roles('officer')
  @Get('orgs/:orgId/invites')
  list(@CurrentUser() user: AuthUser, @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string, @Query() q: PageQueryDto, @Req() req: Request): Promise<Paged<InviteResponse>> {
    return this.invites.list(user, orgId, pageParams(q), publicBaseUrl(this.config.publicUrl, req));
  }

  @ApiBearerAuth()
  @Roles('officer')
  @Get('orgs/:orgId/invites/:inviteId')
  get(
    @CurrentUser() user: AuthUser,
    @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string,
    @Param('inviteId', idParam('INVITE_NOT_FOUND')) inviteId: string,
    @Req() req: Request,
  ): Promise<InviteWithQrResponse> {
    return this.invites.get(user, orgId, inviteId, publicBaseUrl(this.config.publicUrl, req));
  }

  @ApiBearerAuth()
  @Roles('officer')
  @Post('orgs/:orgId/invites/:inviteId/revoke')
  @HttpCode(200)
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('orgId', idParam('ORG_NOT_FOUND')) orgId: string,
    @Param('inviteId', idParam('INVITE_NOT_FOUND')) inviteId: string,
    @Req() req: Request,
  ): Promise<InviteResponse> {
    return this.invites.revoke(user, orgId, inviteId, publicBaseUrl(this.config.publicUrl, req));
  }

  @Public()
  @Get('invites/:token')
  preview(@Param('token') token: string): Promise<InvitePreviewResponse> {
    return this.invites.preview(token);
  }
}
