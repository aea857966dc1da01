import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiErrorBody, ErrorCode, errorMessage } from '@unionhome/shared';
import { AppException } from './app-exception';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** MySQL's refusals of a value a DTO let through (strict mode): the input's fault, not the server's. */
const COLUMN_REFUSALS: Record<string, string> = {
  ER_DATA_TOO_LONG: '太长了',
  ER_WARN_DATA_OUT_OF_RANGE: '超出范围',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: '含有不支持的字符',
  ER_TRUNCATED_WRONG_VALUE: '格式不正确',
};

/**
 * The last line of defence, after validation: a value MySQL refuses for one column answers 400 naming
 * that column (the DTO's property of the same name), never a 500. The DTO should have caught it; the
 * fuzz test finds the ones that do not.
 */
function rejectedColumn(exception: unknown): { field: string; text: string } | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const driver = (exception as QueryFailedError & { driverError?: { code?: string; sqlMessage?: string } }).driverError;
  const text = driver?.code ? COLUMN_REFUSALS[driver.code] : undefined;
  if (!text) return null;
  const field = /column '([^']+)'/.exec(driver?.sqlMessage ?? '')?.[1] ?? 'body';
  return { field, text };
}

/**
 * Renders every error as `{code, message, fields?}` (API.md). Known HTTP errors keep their status;
 * anything else becomes a bare 500 with a log line carrying the request id, never internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { status, body } = this.toBody(exception, req);
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  private toBody(exception: unknown, req: Request): { status: number; body: ApiErrorBody } {
    if (exception instanceof AppException) {
      const body: ApiErrorBody = { code: exception.code, message: exception.userMessage };
      if (exception.detail.fields) body.fields = exception.detail.fields;
      if (exception.detail.details) body.details = exception.detail.details;
      return { status: exception.getStatus(), body };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, body: { code: 'TOO_MANY_REQUESTS', message: errorMessage('TOO_MANY_REQUESTS') } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) return this.internal(exception, req);
      const response = exception.getResponse() as Partial<ApiErrorBody>;
      if (typeof response === 'object' && typeof response.code === 'string' && typeof response.message === 'string') {
        return { status, body: response as ApiErrorBody }; // an already rendered error (idempotent replay)
      }
      const code = STATUS_CODES[status] ?? (status === 410 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
      // Express body-parser errors (malformed JSON, too large) arrive as HttpException via Nest.
      const message = status === 400 && /JSON|Unexpected token/i.test(String(exception.message))
        ? errorMessage('MALFORMED_REQUEST')
        : errorMessage(code);
      return { status, body: { code: status === 400 && message === errorMessage('MALFORMED_REQUEST') ? 'MALFORMED_REQUEST' : code, message } };
    }
    const bodyParserStatus = (exception as { status?: number; type?: string })?.status;
    if (bodyParserStatus === 400) {
      return { status: 400, body: { code: 'MALFORMED_REQUEST', message: errorMessage('MALFORMED_REQUEST') } };
    }
    if (bodyParserStatus === 413) {
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: errorMessage('PAYLOAD_TOO_LARGE') } };
    }
    const column = rejectedColumn(exception);
    if (column) return { status: 400, body: { code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED'), fields: { [column.field]: column.text } } };
    return this.internal(exception, req);
  }

  private internal(exception: unknown, req: Request): { status: number; body: ApiErrorBody } {
    const requestId = (req as Request & { id?: string }).id;
    this.logger.error({ err: exception, requestId, path: req.path }, 'unhandled error');
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR') } };
  }
}
