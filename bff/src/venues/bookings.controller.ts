import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BookingAccountResponse, BookingResponse, CancelBookingResponse, CheckInResponse, MyBookingResponse, Paged, SelfCheckInResponse } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { pageParams } from '../common/paging';
import { BookingsService } from './bookings.service';
import { CheckInService } from './check-in.service';
import { CheckInDto, CreateBookingDto, MyBookingsQueryDto, SelfCheckInDto } from './dto/booking.dto';
import { RateLimitPerPerson } from '../common/rate-limit/rate-limiter';

const bookingId = new ParseUUIDPipe({ exceptionFactory: () => notFound('BOOKING_NOT_FOUND') });

@ApiTags('bookings')
@ApiBearerAuth()
@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService, private readonly checkIns: CheckInService) {}

  /** Book a slot (or join its waitlist with `waitlist: true`). A repeat with the same Idempotency-Key returns the first answer. */
  @Post('bookings')
  @RateLimitPerPerson('booking')
  @Idempotent()
  book(@CurrentUser() user: AuthUser, @Body() dto: CreateBookingDto): Promise<BookingResponse> {
    return this.bookings.book(user, dto);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', bookingId) id: string): Promise<CancelBookingResponse> {
    return this.bookings.cancel(user, id);
  }

  /** 我的预约: `scope=upcoming` (default) soonest first, `scope=past` latest first. */
  @Get('me/bookings')
  mine(@CurrentUser() user: AuthUser, @Query() q: MyBookingsQueryDto): Promise<Paged<MyBookingResponse>> {
    return this.bookings.listMine(user, q.scope ?? 'upcoming', pageParams(q));
  }

  /** Whether booking is suspended after no-shows, until when and why. */
  @Get('me/booking-account')
  account(@CurrentUser() user: AuthUser): Promise<BookingAccountResponse> {
    return this.bookings.account(user);
  }

  @Post('check-ins')
  @Roles('venue_staff')
  checkIn(@CurrentUser() user: AuthUser, @Body() dto: CheckInDto): Promise<CheckInResponse> {
    return this.checkIns.checkIn(user, dto);
  }

  /** The person scans the venue's printed code: their booking there that is open for check-in now is checked in. */
  @Post('me/check-ins')
  @HttpCode(200)
  selfCheckIn(@CurrentUser() user: AuthUser, @Body() dto: SelfCheckInDto): Promise<SelfCheckInResponse> {
    return this.checkIns.selfCheckIn(user, dto);
  }
}
