import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
import { scrubPersonalData } from '@unionhome/shared';
import { AppConfig } from './app-config';

/** Masks ID and phone numbers in every string of a log object (they may hide in URLs, messages, errors). */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubPersonalData(value);
  // pino's own serializers shape these after the formatter: leave the raw objects alone (a deep
  // copy of a response object is costly and loses its statusCode getter).
  if (value instanceof IncomingMessage || value instanceof ServerResponse || value instanceof Error) return value;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrub(v, depth + 1);
  return out;
}

const REQUEST_ID = /^[\w-]{8,64}$/;

/** Statuses worth an operator's look when they pile up: refused logins and tokens, forbidden, rate limited. */
const WARN_STATUSES = new Set([401, 403, 429]);

/**
 * A request's log level: failures are errors; refused credentials and rate limiting are warnings;
 * every other answer, business refusals included (SLOT_FULL, DUPLICATE_INVOICE, a form's
 * validation errors), is the normal course of things and logs at info. A rush for a popular class
 * answers hundreds of SLOT_FULL in a second: at LOG_LEVEL=warn none of them is written.
 */
export function requestLogLevel(_req: IncomingMessage, res: ServerResponse, err?: Error): 'error' | 'warn' | 'info' {
  if (err || res.statusCode >= 500) return 'error';
  return WARN_STATUSES.has(res.statusCode) ? 'warn' : 'info';
}

/**
 * Structured JSON logs (pino). Never logged: Authorization and cookies (redacted), bodies
 * (not serialised at all: they carry ID numbers and medical data), query-string tokens.
 * Each request gets an id (X-Request-Id in and out) that error lines carry.
 */
export function loggerParams(config: AppConfig): Params {
  const options: Options = {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.idNumber', '*.phone', '*.refreshToken', '*.accessToken'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: scrubPersonalData(req.url.replace(/([?&](token|code|scene)=)[^&]+/gi, '$1[redacted]')) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: scrubPersonalData(String(err.message)), stack: scrubPersonalData(String(err.stack ?? '')) }),
      },
      formatters: { log: (obj: Record<string, unknown>) => scrub(obj) as Record<string, unknown> },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
      customLogLevel: requestLogLevel,
  };
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: config.logFile ? [options, pino.destination({ dest: config.logFile, sync: true, mkdir: true })] : options,
  };
}
