import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ClaimEstimateResponse,
  ClaimResponse,
  ClaimStatusResponse,
  ClaimSummaryResponse,
  CoverageResponse,
  Paged,
  ReviewClaimSummaryResponse,
  StoredDocumentResponse,
} from '@unionhome/shared';
import { CLAIM_DOCUMENT_TYPES } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { pageParams } from '../common/paging';
import { ImageUploadInterceptor, requireUpload } from '../files/upload-image.interceptor';
import { ClaimsService } from './claims.service';
import { CreateClaimDto, MyClaimsQueryDto, SubmitClaimDto, UpdateClaimDto, UploadClaimDocumentDto } from './dto/claim.dto';
import { ClaimDecisionDto, MarkPaidDto, ReviewQueueQueryDto } from './dto/review.dto';
import { PlansService } from './plans.service';
import { ReviewService } from './review.service';
import { RateLimitPerPerson } from '../common/rate-limit/rate-limiter';

const ClaimId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('CLAIM_NOT_FOUND') }));
const DocumentId = () => Param('documentId', new ParseUUIDPipe({ exceptionFactory: () => notFound('DOCUMENT_NOT_FOUND') }));

/** The worker's three steps (API.md "Mutual-aid claims"); ownership is checked in the service. */
@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService, private readonly review: ReviewService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Step 1: save the hospital stay as a draft (Idempotency-Key accepted)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateClaimDto): Promise<ClaimResponse> {
    return this.claims.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: MyClaimsQueryDto): Promise<Paged<ClaimSummaryResponse>> {
    return this.claims.listMine(user, q.status, pageParams(q));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @ClaimId() id: string): Promise<ClaimResponse> {
    return this.claims.get(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @ClaimId() id: string, @Body() dto: UpdateClaimDto): Promise<ClaimResponse> {
    return this.claims.update(user, id, dto);
  }

  @Post(':id/documents')
  @RateLimitPerPerson('upload')
  @ApiOperation({ summary: 'Step 2: one photo per request (multipart: file, type)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'type'], properties: { file: { type: 'string', format: 'binary' }, type: { type: 'string', enum: [...CLAIM_DOCUMENT_TYPES] } } } })
  @UseInterceptors(ImageUploadInterceptor)
  upload(@CurrentUser() user: AuthUser, @ClaimId() id: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() dto: UploadClaimDocumentDto): Promise<StoredDocumentResponse> {
    return this.claims.addDocument(user, id, dto.type, requireUpload(file));
  }

  @Delete(':id/documents/:documentId')
  @HttpCode(204)
  async removeDocument(@CurrentUser() user: AuthUser, @ClaimId() id: string, @DocumentId() documentId: string): Promise<void> {
    await this.claims.removeDocument(user, id, documentId);
  }

  @Get(':id/estimate')
  estimate(@CurrentUser() user: AuthUser, @ClaimId() id: string): Promise<ClaimEstimateResponse> {
    return this.claims.estimate(user, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'Step 3: submit (or resubmit after need_documents); Idempotency-Key accepted' })
  submit(@CurrentUser() user: AuthUser, @ClaimId() id: string, @Body() dto: SubmitClaimDto): Promise<ClaimStatusResponse> {
    return this.claims.submit(user, id, dto.declaration);
  }

  // ---- claim reviewer ----

  @Post(':id/start-review')
  @HttpCode(200)
  @Roles('claim_reviewer')
  startReview(@CurrentUser() user: AuthUser, @ClaimId() id: string): Promise<ClaimStatusResponse> {
    return this.review.startReview(user, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('claim_reviewer')
  decide(@CurrentUser() user: AuthUser, @ClaimId() id: string, @Body() dto: ClaimDecisionDto): Promise<ClaimStatusResponse> {
    return this.review.decide(user, id, dto);
  }

  @Post(':id/paid')
  @HttpCode(200)
  @Roles('claim_reviewer', 'claim_payer')
  markPaid(@CurrentUser() user: AuthUser, @ClaimId() id: string, @Body() dto: MarkPaidDto): Promise<ClaimStatusResponse> {
    return this.review.markPaid(user, id, dto);
  }
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller('review/claims')
export class ReviewQueueController {
  constructor(private readonly review: ReviewService, private readonly claims: ClaimsService) {}

  @Get()
  @Roles('claim_reviewer')
  @ApiOperation({ summary: 'The review queue: status (default waiting = submitted, in_review, resubmitted), plan, name or member no., submitted dates' })
  queue(@Query() q: ReviewQueueQueryDto): Promise<Paged<ReviewClaimSummaryResponse>> {
    return this.review.queue(q, pageParams(q));
  }

  @Get(':id')
  @Roles('claim_reviewer')
  get(@CurrentUser() user: AuthUser, @ClaimId() id: string): Promise<ClaimResponse> {
    return this.claims.get(user, id);
  }
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller('me')
export class CoverageController {
  constructor(private readonly plans: PlansService) {}

  @Get('coverage')
  @ApiOperation({ summary: '我的保障: the plans the caller is enrolled in, with what is left this year' })
  coverage(@CurrentUser() user: AuthUser): Promise<CoverageResponse[]> {
    return this.plans.coverage(user.id);
  }
}
