import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GenerateSlotsResponse, SlotResponse, SlotRosterEntry, VenueCheckInCodeResponse, VenueResponse } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { Idempotent } from '../common/idempotency.interceptor';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { publicBaseUrl } from '../common/public-url';
import { BookingsService } from './bookings.service';
import { CheckInService } from './check-in.service';
import { CreateSlotDto, GenerateSlotsDto, SlotsQueryDto } from './dto/slot.dto';
import { CreateVenueDto, UpdateVenueDto } from './dto/venue.dto';
import { VenuesService } from './venues.service';

const venueId = new ParseUUIDPipe({ exceptionFactory: () => notFound('VENUE_NOT_FOUND') });
const slotId = new ParseUUIDPipe({ exceptionFactory: () => notFound('SLOT_NOT_FOUND') });

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(
    private readonly venues: VenuesService,
    private readonly checkIns: CheckInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  list(): Promise<VenueResponse[]> {
    return this.venues.list();
  }

  /** Staff: every venue they manage, closed ones included. */
  @Get('managed')
  @Roles('venue_staff')
  managed(@CurrentUser() user: AuthUser): Promise<VenueResponse[]> {
    return this.venues.listManaged(user);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string): Promise<VenueResponse> {
    return this.venues.get(user, id);
  }

  @Post()
  @Roles('venue_staff')
  @Idempotent()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateVenueDto): Promise<VenueResponse> {
    return this.venues.create(user, dto);
  }

  @Patch(':id')
  @Roles('venue_staff')
  update(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Body() dto: UpdateVenueDto): Promise<VenueResponse> {
    return this.venues.update(user, id, dto);
  }

  /** Staff: the venue's check-in code to print and hang at the door. */
  @Get(':id/check-in-code')
  @Roles('venue_staff')
  checkInCode(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Req() req: Request): Promise<VenueCheckInCodeResponse> {
    return this.checkIns.code(user, id, publicBaseUrl(this.config.publicUrl, req));
  }

  /** Staff: replace the printed code (a photo of it went round); old prints stop working. */
  @Post(':id/check-in-code/rotate')
  @HttpCode(200)
  @Roles('venue_staff')
  rotateCheckInCode(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Req() req: Request): Promise<VenueCheckInCodeResponse> {
    return this.checkIns.rotateCode(user, id, publicBaseUrl(this.config.publicUrl, req));
  }

  @Get(':id/slots')
  slots(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Query() q: SlotsQueryDto): Promise<SlotResponse[]> {
    return this.venues.slotsOfDay(user, id, q.date);
  }

  @Post(':id/slots')
  @Roles('venue_staff')
  @Idempotent()
  createSlot(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Body() dto: CreateSlotDto): Promise<SlotResponse> {
    return this.venues.createSlot(user, id, dto);
  }

  /** Recurring generation, e.g. every weekday 19:00–20:00 for the next 4 weeks. */
  @Post(':id/slots/recurring')
  @Roles('venue_staff')
  @Idempotent()
  generate(@CurrentUser() user: AuthUser, @Param('id', venueId) id: string, @Body() dto: GenerateSlotsDto): Promise<GenerateSlotsResponse> {
    return this.venues.generateSlots(user, id, dto);
  }
}

@ApiTags('venues')
@ApiBearerAuth()
@Controller('slots')
export class SlotsController {
  constructor(private readonly venues: VenuesService, private readonly bookings: BookingsService) {}

  /** Staff: who is booked, checked in and waiting for a slot (names masked). */
  @Get(':id/bookings')
  @Roles('venue_staff')
  roster(@CurrentUser() user: AuthUser, @Param('id', slotId) id: string): Promise<SlotRosterEntry[]> {
    return this.venues.roster(user, id);
  }

  /** Staff: close a slot; its bookings and waitlist end and the people are told. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('venue_staff')
  close(@CurrentUser() user: AuthUser, @Param('id', slotId) id: string): Promise<SlotResponse> {
    return this.bookings.closeSlot(user, id);
  }
}
