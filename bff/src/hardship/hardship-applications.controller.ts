import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  HardshipApplicationResponse,
  HardshipApplicationSaved,
  HardshipApplicationSummary,
  HardshipStatus,
  HardshipTransitionResponse,
  Paged,
  StoredDocumentResponse,
} from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { PageQueryDto, pageParams } from '../common/paging';
import { ImageUploadInterceptor, requireUpload } from '../files/upload-image.interceptor';
import { CreateHardshipApplicationDto, SubmitHardshipApplicationDto, UpdateHardshipApplicationDto, UploadHardshipDocumentDto } from './dto/hardship-application.dto';
import { HardshipDecisionDto, HardshipReviewDto } from './dto/hardship-review.dto';
import { HardshipApplicationsService } from './hardship-applications.service';
import { HardshipDocuments } from './hardship-documents';
import { HardshipReviewService } from './hardship-review.service';
import { RateLimitPerPerson } from '../common/rate-limit/rate-limiter';

/** A malformed id is a case nobody can see. */
export const CaseId = () => new ParseUUIDPipe({ exceptionFactory: () => notFound('HARDSHIP_APPLICATION_NOT_FOUND') });

/** API.md "Hardship applications": any logged-in person applies; the officer checks; the reviewer decides. */
@ApiTags('hardship')
@ApiBearerAuth()
@Controller('hardship-applications')
export class HardshipApplicationsController {
  constructor(
    private readonly applications: HardshipApplicationsService,
    private readonly review: HardshipReviewService,
    private readonly documents: HardshipDocuments,
  ) {}

  @Post()
  @Idempotent()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateHardshipApplicationDto): Promise<HardshipApplicationSaved> {
    return this.applications.create(user, dto);
  }

  /** The caller's own applications, newest first. */
  @Get()
  mine(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto): Promise<Paged<HardshipApplicationSummary>> {
    return this.applications.listMine(user, pageParams(q));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', CaseId()) id: string): Promise<HardshipApplicationResponse> {
    return this.applications.get(user, id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', CaseId()) id: string, @Body() dto: UpdateHardshipApplicationDto): Promise<HardshipApplicationSaved> {
    return this.applications.update(user, id, dto);
  }

  /** One photo per request (multipart `file` + `type`), while the case is the caller's draft or returned to them. */
  @Post(':id/documents')
  @RateLimitPerPerson('upload')
  @UseInterceptors(ImageUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'type'], properties: { file: { type: 'string', format: 'binary' }, type: { type: 'string' } } } })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', CaseId()) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: UploadHardshipDocumentDto,
  ): Promise<StoredDocumentResponse> {
    return this.documents.add(user, id, dto.type, requireUpload(file));
  }

  @Delete(':id/documents/:documentId')
  async removeDocument(
    @CurrentUser() user: AuthUser,
    @Param('id', CaseId()) id: string,
    @Param('documentId', new ParseUUIDPipe({ exceptionFactory: () => notFound('DOCUMENT_NOT_FOUND') })) documentId: string,
  ): Promise<{ ok: true }> {
    await this.documents.remove(user, id, documentId);
    return { ok: true };
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Idempotent()
  submit(@CurrentUser() user: AuthUser, @Param('id', CaseId()) id: string, @Body() dto: SubmitHardshipApplicationDto): Promise<{ id: string; status: HardshipStatus }> {
    return this.applications.submit(user, id, dto);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('officer')
  firstCheck(@CurrentUser() user: AuthUser, @Param('id', CaseId()) id: string, @Body() dto: HardshipReviewDto): Promise<HardshipTransitionResponse> {
    return this.review.review(user, id, dto);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('hardship_reviewer')
  decide(@CurrentUser() user: AuthUser, @Param('id', CaseId()) id: string, @Body() dto: HardshipDecisionDto): Promise<HardshipTransitionResponse> {
    return this.review.decide(user, id, dto);
  }
}
