import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditVerifyResponse, Paged } from '@unionhome/shared';
import { Roles } from '../../common/auth-user';
import { pageParams } from '../../common/paging';
import { AdminAuditService } from './admin-audit.service';
import { AuditChainVerifier } from './audit-chain.verifier';
import { AuditQueryDto } from './audit-query.dto';

/** The audit log, for admins only (officers and reviewers are its subjects, not its readers). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService, private readonly verifier: AuditChainVerifier) {}

  @Get()
  list(@Query() q: AuditQueryDto): Promise<Paged<AuditEntry>> {
    return this.audit.list(q, pageParams(q));
  }

  /** Recomputes the whole hash chain: an edited, deleted or reordered row shows as the first broken one. */
  @Get('verify')
  verify(): Promise<AuditVerifyResponse> {
    return this.verifier.verify();
  }
}
