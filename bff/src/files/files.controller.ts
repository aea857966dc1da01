import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FILE_SIZES, FileSize } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuditService } from '../common/audit.service';
import { AuthUser, CurrentUser } from '../common/auth-user';
import { FileAccessRegistry } from './file-access.registry';
import { FilesService, toDocumentRef } from './files.service';
import { UPLOAD_POLICY } from './upload-policy';

export class FileQueryDto {
  @ApiPropertyOptional({ enum: FILE_SIZES, description: 'thumb: the 320 px thumbnail' })
  @IsOptional()
  @IsIn(FILE_SIZES as unknown as string[], { message: '只能是 thumb 或 full' })
  size?: FileSize;
}

/**
 * Serves stored photos, only to whom the owning domain's policy allows (owner or the right
 * staff); everyone else gets 404, as if the photo did not exist. Never cached on the way.
 */
@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService, private readonly registry: FileAccessRegistry, private readonly audit: AuditService) {}

  @Get(':documentId')
  @ApiOperation({ summary: 'A stored photo (re-encoded JPEG) or its thumbnail' })
  @ApiProduces('image/jpeg')
  @Header('Cache-Control', 'private, no-store')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('documentId', new ParseUUIDPipe({ exceptionFactory: () => notFound('DOCUMENT_NOT_FOUND') })) documentId: string,
    @Query() q: FileQueryDto,
  ): Promise<StreamableFile> {
    const doc = await this.files.findById(documentId);
    if (!doc) throw notFound('DOCUMENT_NOT_FOUND');
    const access = await this.registry.access(user, toDocumentRef(doc));
    if (access === 'none') throw notFound('DOCUMENT_NOT_FOUND');
    const size = q.size ?? 'full';
    const bytes = await this.files.read(doc, size);
    if (!bytes) throw notFound('DOCUMENT_NOT_FOUND');
    // Staff reading someone's medical papers is recorded (PIPL); thumbnails in a list are not a read of the paper.
    if (access === 'staff' && size === 'full') await this.audit.record(user.id, 'file.view', doc.ownerType, doc.ownerId, doc.id);
    return new StreamableFile(bytes, { type: UPLOAD_POLICY.contentType, length: bytes.length, disposition: `inline; filename="${doc.id}.jpg"` });
  }
}
