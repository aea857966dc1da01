import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode, errorMessage } from '@unionhome/shared';

/**
 * The one business error. Services throw it with a code of shared/ERROR_MESSAGES and the HTTP
 * status of API.md; the exception filter renders `{code, message, fields, details}`.
 */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: HttpStatus | number,
    readonly detail: { message?: string; fields?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super({ code, message: detail.message ?? errorMessage(code) }, status);
  }

  get userMessage(): string {
    return this.detail.message ?? errorMessage(this.code);
  }
}

export const notFound = (code: ErrorCode = 'NOT_FOUND', message?: string) => new AppException(code, HttpStatus.NOT_FOUND, { message });
export const conflict = (code: ErrorCode, message?: string, details?: Record<string, unknown>) =>
  new AppException(code, HttpStatus.CONFLICT, { message, details });
export const unprocessable = (code: ErrorCode, message?: string, details?: Record<string, unknown>) =>
  new AppException(code, HttpStatus.UNPROCESSABLE_ENTITY, { message, details });
export const forbidden = (code: ErrorCode = 'FORBIDDEN', message?: string) => new AppException(code, HttpStatus.FORBIDDEN, { message });
export const invalid = (fields: Record<string, string>, message?: string) =>
  new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields, message });
