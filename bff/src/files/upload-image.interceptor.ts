import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppException } from '../common/app-exception';
import { UPLOAD_POLICY } from './upload-policy';

/** The multipart field that carries the photo (API.md: `file`). */
export const UPLOAD_FIELD = 'file';

const parseOne = multer({
  storage: multer.memoryStorage(),
  // One image and a few short text fields (e.g. `type`); the size limit stops reading at 10 MB.
  limits: { fileSize: UPLOAD_POLICY.maxBytes, files: 1, fields: 5, fieldSize: 2048, parts: 6 },
}).single(UPLOAD_FIELD);

function toAppException(err: { code?: string }): AppException {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppException('FILE_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE);
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { [UPLOAD_FIELD]: '一次只能上传一张照片' } });
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
      return new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { body: '提交的字段太多或太长' } });
    default:
      return new AppException('MALFORMED_REQUEST', HttpStatus.BAD_REQUEST);
  }
}

/**
 * Parses a multipart upload of one photo in field `file` (into memory, at most 10 MB) before the
 * handler runs; the other fields land in the body for the DTO. Use it on any upload route:
 * `@UseInterceptors(ImageUploadInterceptor)` and `@UploadedFile() file?: Express.Multer.File`.
 */
@Injectable()
export class ImageUploadInterceptor implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    await new Promise<void>((ok, fail) => parseOne(req, res, (err: unknown) => (err ? fail(toAppException(err as { code?: string })) : ok())));
    return next.handle();
  }
}

/** The uploaded photo, or a 400 telling the person to pick one. */
export function requireUpload(file: Express.Multer.File | undefined): Buffer {
  if (!file?.buffer?.length) {
    throw new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { [UPLOAD_FIELD]: '请选择一张照片' } });
  }
  return file.buffer;
}
