import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { ORG_IMPORT_MAX_BYTES } from '@unionhome/shared';
import { AppException } from '../../common/app-exception';

/** The multipart field that carries the CSV (API.md: `file`). */
export const CSV_FIELD = 'file';

const parseOne = multer({
  storage: multer.memoryStorage(),
  // One file and nothing else; the size limit stops reading at 1 MB (a province's tree is far less).
  limits: { fileSize: ORG_IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
}).single(CSV_FIELD);

function toAppException(err: { code?: string }): AppException {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppException('PAYLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, { message: `文件太大了（不能超过${ORG_IMPORT_MAX_BYTES / 1024 / 1024}MB），请分几次导入` });
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
      return new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { [CSV_FIELD]: '一次只能导入一个CSV文件，放在file字段中' } });
    default:
      return new AppException('MALFORMED_REQUEST', HttpStatus.BAD_REQUEST);
  }
}

/**
 * Reads one CSV upload in field `file` into memory (at most 1 MB) before the handler runs, the
 * way ImageUploadInterceptor does for photos; the file's content is checked by the import itself.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    await new Promise<void>((ok, fail) => parseOne(req, res, (err: unknown) => (err ? fail(toAppException(err as { code?: string })) : ok())));
    return next.handle();
  }
}

export function requireCsv(file: Express.Multer.File | undefined): Buffer {
  if (!file?.buffer?.length) {
    throw new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { [CSV_FIELD]: '请选择一个CSV文件' } });
  }
  return file.buffer;
}
