import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgEntity } from './entities/org.entity';
import { OrgsController } from './orgs.controller';
import { OrgsRepository } from './orgs.repository';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OrgEntity])],
  controllers: [OrgsController],
  providers: [OrgsRepository],
  exports: [OrgsRepository],
})
export class OrgsModule {}
