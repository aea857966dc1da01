import { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { errorMessage } from '@unionhome/shared';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { bodyGuard, NullGuardPipe } from './common/body-guard';
import { Clock } from './common/clock';
import { addressFloodGuard, RateLimiter } from './common/rate-limit/rate-limiter';
import { migrateUnderLock } from './database/migrate';
import { PiiCipher } from './common/pii-cipher';
import { TransactionRunner } from './common/transaction-runner';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { seedDemoIfEmpty } from './database/seed/seed';

export const API_PREFIX = 'api/v1';

/** Nest's start-up chatter (one line per module and route, ~500 lines) would bury the URL `npm start` prints. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

class QuietStartLogger implements LoggerService {
  constructor(private readonly inner: Logger) {}
  log(message: unknown, ...rest: unknown[]): void {
    if (START_UP_CONTEXTS.has(String(rest[rest.length - 1]))) return;
    this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose(message, ...rest);
  }
}

/**
 * Builds the whole application (used by main.ts and by every HTTP test, so tests exercise the
 * real pipe, filter, guards and middleware), runs the migrations and, when asked, the demo seed.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, bufferLogs: true });
  app.useLogger(new QuietStartLogger(app.get(Logger)));
  app.set('trust proxy', config.trustProxy);
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = config.keepAliveSeconds * 1000;
  // Headers must be allowed to arrive for longer than an idle connection may wait (Node's rule).
  server.headersTimeout = config.keepAliveSeconds * 1000 + 5000;
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Taro's H5 index.html carries one small inline bootstrap script.
          'script-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // blob: because Taro's H5 uploadFile reads the picked photo (a blob: URL) with XHR before sending it.
          'connect-src': ["'self'", 'blob:'],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(`/${API_PREFIX}`, addressFloodGuard(app.get(RateLimiter)));
  app.use(express.json({ limit: '1mb' }));
  app.use(bodyGuard);
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  // Body-parser errors happen before Nest's router, so they get the error shape here.
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    if (err.status === 413) return res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: errorMessage('PAYLOAD_TOO_LARGE') });
    if (err.status && err.status < 500) return res.status(400).json({ code: 'MALFORMED_REQUEST', message: errorMessage('MALFORMED_REQUEST') });
    return next(err);
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new NullGuardPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('UnionHome BFF').setDescription('职工e家 API — see API.md for the fixed contract').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  const ds = app.get<DataSource>(getDataSourceToken());
  await migrateUnderLock(ds, config.seedDemo ? () => seedDemoIfEmpty(ds, app.get(TransactionRunner), app.get(PiiCipher), app.get(Clock)) : undefined);
  return app;
}

export type App = INestApplication;
