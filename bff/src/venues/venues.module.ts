import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { CheckInService } from './check-in.service';
import { BookingAccountEntity } from './entities/booking-account.entity';
import { BookingEntity } from './entities/booking.entity';
import { VenueSlotEntity } from './entities/venue-slot.entity';
import { VenueEntity } from './entities/venue.entity';
import { NoShowService } from './no-show.service';
import { VenueAccess } from './venue-access';
import { VenueCodeService } from './venue-code.service';
import { SlotsController, VenuesController } from './venues.controller';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';

/** 场馆预约: venues, slots, bookings, waitlist, check-in and the no-show job (DESIGN.md §4). */
@Module({
  imports: [TypeOrmModule.forFeature([VenueEntity, VenueSlotEntity, BookingEntity, BookingAccountEntity])],
  controllers: [VenuesController, SlotsController, BookingsController],
  providers: [VenuesRepository, BookingsRepository, VenueAccess, VenuesService, BookingsService, CheckInService, NoShowService, VenueCodeService],
  exports: [NoShowService],
})
export class VenuesModule {}
