import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { Clock } from './clock';
import { AuditChainHeadEntity, AuditLogEntity } from './entities/audit-log.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { PiiCipher } from './pii-cipher';
import { TransactionRunner } from './transaction-runner';

/** The few cross-cutting services every domain uses. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity, AuditChainHeadEntity, IdempotencyKeyEntity])],
  providers: [Clock, TransactionRunner, PiiCipher, AuditService],
  exports: [Clock, TransactionRunner, PiiCipher, AuditService],
})
export class CommonModule {}
