import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
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
    return this.internal(exception, req);
  }

  private internal(exception: unknown, req: Request): { status: number; body: ApiErrorBody } {
    const requestId = (req as Request & { id?: string }).id;
    this.logger.error({ err: exception, requestId, path: req.path }, 'unhandled error');
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR') } };
  }
}
