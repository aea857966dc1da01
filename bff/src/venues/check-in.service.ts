import { Injectable } from '@nestjs/common';
import { CHECK_IN_OPENS_MINUTES_BEFORE, CheckInResponse, checkInWindow, maskName, toBusinessIso } from '@unionhome/shared';
import { notFound, unprocessable } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../common/transaction-runner';
import { CardTokenService } from '../membership/card-token.service';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipLookup } from '../membership/membership-lookup';
import { UsersRepository } from '../users/users.repository';
import { BookingsRepository } from './bookings.repository';
import { CheckInDto } from './dto/booking.dto';
import { withTxRetry } from './tx-retry';
import { VenueAccess } from './venue-access';
import { VenuesRepository } from './venues.repository';

/**
 * Check-in at the door: staff scan the member's 60-second card QR for a slot. The token proves
 * which membership is present right now (a screenshot of an old card fails); the membership must
 * still be the person's active one; then their confirmed booking of the slot becomes checked in.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly cards: CardTokenService,
    private readonly memberships: MembershipLookup,
    private readonly users: UsersRepository,
    private readonly venues: VenuesRepository,
    private readonly bookings: BookingsRepository,
    private readonly access: VenueAccess,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async checkIn(staff: AuthUser, dto: CheckInDto): Promise<CheckInResponse> {
    const card = this.cards.verify(dto.cardToken.trim());
    if (!card.ok) throw unprocessable(card.reason === 'EXPIRED' ? 'CARD_QR_EXPIRED' : 'CARD_QR_INVALID');

    const slot = await this.venues.findSlot(dto.slotId);
    const venue = slot ? await this.venues.findVenue(slot.venueId) : null;
    if (!slot || !venue || !(await this.access.manages(staff, venue))) throw notFound('SLOT_NOT_FOUND');

    const membership = await this.tx.manager().findOneBy(MembershipEntity, { id: card.membershipId });
    const active = membership ? await this.memberships.findActive(membership.userId) : null;
    if (!membership || !active || active.id !== membership.id) throw unprocessable('CARD_QR_INVALID', '该会员卡已失效，请会员确认会籍状态');

    const now = this.clock.now();
    const window = checkInWindow(slot, now, CHECK_IN_OPENS_MINUTES_BEFORE);
    if (window === 'too_early') throw unprocessable('CHECK_IN_NOT_OPEN');
    if (window === 'over') throw unprocessable('CHECK_IN_CLOSED');

    const userId = membership.userId;
    const { booking, already } = await withTxRetry(() =>
      this.tx.run(async (em) => {
        const done = await this.bookings.checkIn(em, slot.id, userId, staff.id, now);
        const held = await this.bookings.findActiveOfSlot(slot.id, userId, em);
        if (done && held) return { booking: held, already: false };
        if (held?.status === 'checked_in') return { booking: held, already: true };
        if (held?.status === 'waitlisted') throw notFound('BOOKING_NOT_FOUND', '该会员在候补名单中，还没有确认的名额');
        throw notFound('BOOKING_NOT_FOUND', '该会员没有预约这个时段');
      }),
    );
    const user = await this.users.findById(userId);
    return {
      bookingId: booking.id,
      status: 'checked_in',
      memberNo: membership.memberNo,
      nameMasked: maskName(user?.name ?? ''),
      venueName: venue.name,
      startsAt: toBusinessIso(slot.startsAt),
      alreadyCheckedIn: already,
    };
  }
}
