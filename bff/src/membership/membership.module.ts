import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { CardController } from './card.controller';
import { CardService } from './card.service';
import { MemberNoSequenceEntity } from './entities/member-no-sequence.entity';
import { MembershipApplicationEntity } from './entities/membership-application.entity';
import { MembershipInviteEntity } from './entities/membership-invite.entity';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { OfficerScope } from './officer-scope';

/**
 * Join by QR and the membership card. MembershipEntity, MembershipLookup and CardTokenService
 * come from the (global) users module, which other domains already rely on.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MembershipInviteEntity, MembershipApplicationEntity, MemberNoSequenceEntity])],
  controllers: [InvitesController, ApplicationsController, MembersController, CardController],
  providers: [OfficerScope, InvitesRepository, InvitesService, ApplicationsRepository, ApplicationsService, MembersRepository, MembersService, CardService],
})
export class MembershipModule {}
