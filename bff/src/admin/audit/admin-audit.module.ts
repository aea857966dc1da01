import { Module } from '@nestjs/common';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditService } from './admin-audit.service';
import { AuditChainVerifier } from './audit-chain.verifier';

/** The audit log viewer and its integrity check (admin). The log itself is written by CommonModule's AuditService. */
@Module({
  controllers: [AdminAuditController],
  providers: [AdminAuditService, AuditChainVerifier],
})
export class AdminAuditModule {}
