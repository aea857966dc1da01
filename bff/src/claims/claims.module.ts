import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry } from '../files/file-access.registry';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ClaimFileAccessPolicy } from './claim-file-access.policy';
import { CLAIM_OWNER_TYPE, ClaimViews } from './claim-views';
import { ClaimWorkflow } from './claim-workflow';
import { ClaimsController, CoverageController, ReviewQueueController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { ClaimEventEntity } from './entities/claim-event.entity';
import { ClaimEntity } from './entities/claim.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { InvoiceKeyEntity } from './entities/invoice-key.entity';
import { PlanEntity } from './entities/plan.entity';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { ReviewService } from './review.service';

/** Medical mutual-aid: plans, enrolment, the three-step claim, review and payment. */
@Module({
  imports: [TypeOrmModule.forFeature([PlanEntity, EnrolmentEntity, ClaimEntity, ClaimEventEntity, InvoiceKeyEntity]), FilesModule, NotificationsModule],
  controllers: [ClaimsController, ReviewQueueController, CoverageController, PlansController],
  providers: [ClaimsRepository, ClaimsService, ReviewService, PlansService, ClaimViews, ClaimWorkflow, ClaimFileAccessPolicy],
})
export class ClaimsModule {
  constructor(registry: FileAccessRegistry, policy: ClaimFileAccessPolicy) {
    registry.register(CLAIM_OWNER_TYPE, policy);
  }
}
