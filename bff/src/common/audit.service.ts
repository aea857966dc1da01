import { Injectable } from '@nestjs/common';
import { AuditLogEntity } from './entities/audit-log.entity';
import { Clock } from './clock';
import { newId } from './ids';
import { TransactionRunner } from './transaction-runner';

/** Writes who read or changed whose sensitive record (PIPL art. 28–30). */
@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  async record(actorId: string, action: string, subjectType: string, subjectId: string, detail?: string): Promise<void> {
    await this.tx.run((em) =>
      em.insert(AuditLogEntity, { id: newId(), actorId, action, subjectType, subjectId, detail: detail ?? null, createdAt: this.clock.now() }),
    );
  }
}
