import { Body, Controller, Get, HttpCode, Param, Patch, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AdminOrgResponse, OrgImportResult } from '@unionhome/shared';
import { ORG_IMPORT_HEADER } from '@unionhome/shared';
import { AuthUser, CurrentUser, Roles } from '../../common/auth-user';
import { Idempotent } from '../../common/idempotency.interceptor';
import { idParam } from '../../membership/id-param';
import { AdminOrgsService } from './admin-orgs.service';
import { CsvUploadInterceptor, requireCsv } from './csv-upload.interceptor';
import { CreateOrgDto, UpdateOrgDto } from './dto/admin-org.dto';

@ApiTags('admin: orgs')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/orgs')
export class AdminOrgsController {
  constructor(private readonly orgs: AdminOrgsService) {}

  @Get()
  @ApiOperation({ summary: 'The whole tree as a flat list in tree order (parentId, depth), inactive orgs included' })
  list(): Promise<AdminOrgResponse[]> {
    return this.orgs.list();
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create an org; 409 ORG_CODE_TAKEN, 400 fields.creditCode / fields.parentId, 422 when the type may not stand under that parent' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOrgDto): Promise<AdminOrgResponse> {
    return this.orgs.create(user, dto);
  }

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(CsvUploadInterceptor)
  @ApiOperation({
    summary: `Import a tree from CSV (header ${ORG_IMPORT_HEADER}); all rows or none`,
    description:
      'Rows may come in any order (parents are created first). A code that exists is updated, a new one created. ' +
      'Any bad row: 422 ORG_IMPORT_FAILED with `created: 0, updated: 0, errors: [{line, message}]` (the header is line 1) and nothing written. ' +
      'Not a CSV or a wrong header: 400 fields.file; over 1 MB: 413.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 200, description: '{ created, updated, errors: [] }' })
  @ApiResponse({ status: 422, description: '{ code: ORG_IMPORT_FAILED, message, created: 0, updated: 0, errors: [{ line, message }] }' })
  import(@CurrentUser() user: AuthUser, @UploadedFile() file?: Express.Multer.File): Promise<OrgImportResult> {
    return this.orgs.import(user, requireCsv(file));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, move (the subtree follows), set codes, deactivate (no active children) or reactivate' })
  update(@CurrentUser() user: AuthUser, @Param('id', idParam('ORG_NOT_FOUND')) id: string, @Body() dto: UpdateOrgDto): Promise<AdminOrgResponse> {
    return this.orgs.update(user, id, dto);
  }
}
