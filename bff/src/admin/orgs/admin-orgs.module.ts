import { Module } from '@nestjs/common';
import { AdminOrgsController } from './admin-orgs.controller';
import { AdminOrgsService } from './admin-orgs.service';
import { OrgTreeWriter } from './org-tree.writer';

/** Union tree administration (admin only): create, change, move, deactivate and import orgs. */
@Module({
  controllers: [AdminOrgsController],
  providers: [AdminOrgsService, OrgTreeWriter],
})
export class AdminOrgsModule {}
