import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { CardTokenService } from '../membership/card-token.service';
import { CardTokenUseEntity } from '../membership/entities/card-token-use.entity';
import { MembershipLookup } from '../membership/membership-lookup';
import { UserRoleEntity } from './entities/user-role.entity';
import { UserEntity } from './entities/user.entity';
import { MeController } from './me.controller';
import { UsersRepository } from './users.repository';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserRoleEntity, MembershipEntity, CardTokenUseEntity])],
  controllers: [MeController],
  providers: [UsersRepository, MembershipLookup, CardTokenService],
  exports: [UsersRepository, MembershipLookup, CardTokenService],
})
export class UsersModule {}
