import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileAccessRegistry } from '../files/file-access.registry';
import { FilesModule } from '../files/files.module';
import { HardshipApplicationEntity } from './entities/hardship-application.entity';
import { HardshipArchiveCounterEntity } from './entities/hardship-archive-counter.entity';
import { HardshipEventEntity } from './entities/hardship-event.entity';
import { RegionEntity } from './entities/region.entity';
import { HardshipAccess } from './hardship-access';
import { HardshipApplicationsController } from './hardship-applications.controller';
import { HardshipApplicationsService } from './hardship-applications.service';
import { HARDSHIP_OWNER_TYPE, HardshipDocuments } from './hardship-documents';
import { HardshipReviewController } from './hardship-review.controller';
import { HardshipReviewService } from './hardship-review.service';
import { HardshipRepository } from './hardship.repository';
import { RegionsController } from './regions.controller';

/** Hardship aid (困难职工帮扶): regions and their minimum living standards, applications, review, archive. */
@Module({
  imports: [FilesModule, TypeOrmModule.forFeature([RegionEntity, HardshipApplicationEntity, HardshipEventEntity, HardshipArchiveCounterEntity])],
  controllers: [RegionsController, HardshipApplicationsController, HardshipReviewController],
  providers: [HardshipRepository, HardshipAccess, HardshipDocuments, HardshipApplicationsService, HardshipReviewService],
})
export class HardshipModule {
  constructor(registry: FileAccessRegistry, documents: HardshipDocuments) {
    registry.register(HARDSHIP_OWNER_TYPE, documents);
  }
}
