import { createHash } from 'node:crypto';
import { applyDecorators, CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppException } from './app-exception';
import { Clock } from './clock';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { newId } from './ids';
import { isUniqueViolation, TransactionRunner } from './transaction-runner';

export const IDEMPOTENT = 'uh:idempotent';

const WAIT_STEP_MS = 25;
const WAIT_LIMIT_MS = 20_000;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * Idempotency keys, arbitrated by the database: the first request inserts a pending row under a
 * unique index; concurrent repeats lose that insert, wait for the row to be done and replay its
 * stored response. A first request that fails releases the key, so a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, ctx.getHandler())) return next.handle();
    const req = ctx.switchToHttp().getRequest();
    const key: string | undefined = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { fields: { 'Idempotency-Key': '长度应为1到255个字符' } });
    }
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const keyHash = sha256(`${req.user?.id ?? 'anonymous'}|${req.method}|${req.baseUrl ?? ''}${req.path}|${key}`);
    const requestHash = sha256(stableStringify(req.body ?? {}));
    return from(this.handle(keyHash, requestHash, status, next));
  }

  private async handle(keyHash: string, requestHash: string, status: number, next: CallHandler): Promise<unknown> {
    const rowId = newId();
    try {
      await this.tx.run((em) => em.insert(IdempotencyKeyEntity, { id: rowId, keyHash, requestHash, state: 'pending', statusCode: null, responseBody: null, createdAt: this.clock.now() }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.replay(keyHash, requestHash);
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.tx.run((em) => em.update(IdempotencyKeyEntity, { id: rowId }, { state: 'done', statusCode: status, responseBody: JSON.stringify(body ?? null) }));
      return body;
    } catch (err) {
      // A refusal (4xx) is the first response too and is replayed as is; a crash (5xx) releases the key.
      const rendered = renderClientError(err);
      if (rendered) {
        await this.tx.run((em) => em.update(IdempotencyKeyEntity, { id: rowId }, { state: 'done', statusCode: rendered.status, responseBody: JSON.stringify(rendered.body) }));
      } else {
        await this.tx.run((em) => em.delete(IdempotencyKeyEntity, { id: rowId }));
      }
      throw err;
    }
  }

  private async replay(keyHash: string, requestHash: string): Promise<unknown> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
      const row = await this.tx.manager().findOneBy(IdempotencyKeyEntity, { keyHash });
      if (row && row.requestHash !== requestHash) throw new AppException('IDEMPOTENCY_KEY_REUSED', HttpStatus.CONFLICT);
      if (row?.state === 'done') {
        const body = JSON.parse(row.responseBody ?? 'null');
        if ((row.statusCode ?? 200) >= 400) throw new HttpException(body, row.statusCode!);
        return body;
      }
      if (!row) {
        // The first request failed and released the key: this repeat is a fresh attempt.
        throw new AppException('IDEMPOTENCY_IN_PROGRESS', HttpStatus.CONFLICT);
      }
      if (Date.now() > deadline) throw new AppException('IDEMPOTENCY_IN_PROGRESS', HttpStatus.CONFLICT);
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    }
  }
}

function renderClientError(err: unknown): { status: number; body: unknown } | null {
  if (!(err instanceof HttpException)) return null;
  const status = err.getStatus();
  if (status >= 500) return null;
  if (err instanceof AppException) {
    return { status, body: { code: err.code, message: err.userMessage, ...(err.detail.fields ? { fields: err.detail.fields } : {}), ...(err.detail.details ? { details: err.detail.details } : {}) } };
  }
  return null;
}

/**
 * The handler accepts `Idempotency-Key` (API.md): a repeat returns the first response.
 * Bound per route, not app-wide: every other request then skips the interceptor entirely.
 */
export const Idempotent = () => applyDecorators(SetMetadata(IDEMPOTENT, true), UseInterceptors(IdempotencyInterceptor));
