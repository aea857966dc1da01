import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EnrolmentCandidate, EnrolResponse, Paged, PlanResponse } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { pageParams } from '../common/paging';
import { CandidatesQueryDto, CreatePlanDto, EnrolDto, PlansQueryDto, UpdatePlanDto } from './dto/plan.dto';
import { PlansService } from './plans.service';

const PlanId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('PLAN_NOT_FOUND') }));

@ApiTags('mutual-aid plans')
@ApiBearerAuth()
@Controller('mutual-aid/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOperation({ summary: 'Plans with their rules (admins: ?all=true includes inactive ones)' })
  list(@CurrentUser() user: AuthUser, @Query() q: PlansQueryDto): Promise<PlanResponse[]> {
    return this.plans.list(q.all === 'true' && user.roles.includes('admin'));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @PlanId() id: string): Promise<PlanResponse> {
    return this.plans.get(id, user);
  }

  @Post()
  @Idempotent()
  @Roles('admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePlanDto): Promise<PlanResponse> {
    return this.plans.create(user, dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @PlanId() id: string, @Body() dto: UpdatePlanDto): Promise<PlanResponse> {
    return this.plans.update(user, id, dto);
  }

  @Get(':id/candidates')
  @Roles('officer')
  @ApiOperation({ summary: "Active members of the officer's union (admins: any, ?orgId=) with whether they are enrolled" })
  candidates(@CurrentUser() user: AuthUser, @PlanId() id: string, @Query() q: CandidatesQueryDto): Promise<Paged<EnrolmentCandidate>> {
    return this.plans.candidates(user, id, q, pageParams(q));
  }

  @Post(':id/enrolments')
  @Idempotent()
  @Roles('officer')
  @ApiOperation({ summary: 'Enrol the ticked members (up to 100 at a time)' })
  enrol(@CurrentUser() user: AuthUser, @PlanId() id: string, @Body() dto: EnrolDto): Promise<EnrolResponse> {
    return this.plans.enrol(user, id, dto);
  }
}
