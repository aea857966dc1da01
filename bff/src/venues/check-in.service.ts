import { Injectable } from '@nestjs/common';
import {
  addDays,
  businessTime,
  CHECK_IN_OPENS_MINUTES_BEFORE,
  selfCheckInPageUrl,
  CheckInResponse,
  checkInWindow,
  localDate,
  maskName,
  SelfCheckInResponse,
  selfCheckInChoice,
  toBusinessIso,
  VenueCheckInCodeResponse,
  venueCodeFromScan,
} from '@unionhome/shared';
import { notFound, unprocessable } from '../common/app-exception';
import { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../common/transaction-runner';
import { CardTokenService } from '../membership/card-token.service';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipLookup } from '../membership/membership-lookup';
import { UsersRepository } from '../users/users.repository';
import { BookingsRepository } from './bookings.repository';
import { CheckInDto, SelfCheckInDto } from './dto/booking.dto';
import { BookingEntity } from './entities/booking.entity';
import { VenueEntity } from './entities/venue.entity';
import { VenueCodeService } from './venue-code.service';
import { withTxRetry } from '../common/tx-retry';
import { VenueAccess } from './venue-access';
import { VenuesRepository } from './venues.repository';

const CARD_QR_USED_MESSAGE = '这个会员卡二维码已经用过一次，请会员刷新会员卡后重新出示';

/**
 * Check-in at the door, both ways of DESIGN §4. Staff scan the member's 60-second card QR for a slot. The token proves
 * which membership is present right now (a screenshot of an old card fails); the membership must
 * still be the person's active one; then their confirmed booking of the slot becomes checked in.
 * Or the person scans the venue's code on the screen at the door: their booking there whose
 * check-in window is open now becomes checked in (shared selfCheckInChoice). The code proves which
 * venue and, as it changes every few minutes (VenueCodeService), that the scan was made there just
 * now: a photo of it sent home is refused soon after. Staff can also replace it at once (rotateCode).
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
    private readonly codes: VenueCodeService,
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
        // In the check-in's own transaction: a refusal below rolls it back and the QR stays usable.
        if (!(await this.cards.markUsed(em, card))) throw unprocessable('CARD_QR_INVALID', CARD_QR_USED_MESSAGE);
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

  // ----- the venue's printed code -----

  async code(staff: AuthUser, venueId: string, baseUrl: string): Promise<VenueCheckInCodeResponse> {
    return this.codeResponse(await this.managedVenue(staff, venueId), baseUrl);
  }

  /** A new code for the door at once; the code just shown (and any photo of it) stops working. */
  async rotateCode(staff: AuthUser, venueId: string, baseUrl: string): Promise<VenueCheckInCodeResponse> {
    await this.managedVenue(staff, venueId);
    await this.tx.run((em) => this.venues.bumpCheckInCode(em, venueId));
    return this.codeResponse(await this.managedVenue(staff, venueId), baseUrl);
  }

  private async managedVenue(staff: AuthUser, venueId: string): Promise<VenueEntity> {
    const venue = await this.venues.findVenue(venueId);
    if (!venue || !(await this.access.manages(staff, venue))) throw notFound('VENUE_NOT_FOUND');
    return venue;
  }

  private codeResponse(venue: VenueEntity, baseUrl: string): VenueCheckInCodeResponse {
    const { code, refreshInSeconds } = this.codes.issue(venue);
    return { venueId: venue.id, venueName: venue.name, code, qrText: selfCheckInPageUrl(baseUrl, code), version: venue.checkInCodeVersion, refreshInSeconds };
  }

  // ----- the person scans the venue's code -----

  async selfCheckIn(user: AuthUser, dto: SelfCheckInDto): Promise<SelfCheckInResponse> {
    const parsed = this.codes.verify(venueCodeFromScan(dto.venueCode));
    if (!parsed.ok && parsed.reason === 'EXPIRED') {
      throw unprocessable('VENUE_CODE_EXPIRED', parsed.printed ? '张贴的签到码已停用，请扫描场馆门口屏幕上显示的签到码' : undefined);
    }
    if (!parsed.ok) throw unprocessable('VENUE_CODE_INVALID');
    const venue = await this.venues.findVenue(parsed.venueId);
    if (!venue || !venue.active) throw unprocessable('VENUE_CODE_INVALID');
    if (venue.checkInCodeVersion !== parsed.version) throw unprocessable('VENUE_CODE_INVALID', '这个签到码已被工作人员更换，请扫描场馆门口屏幕上最新的签到码');

    const now = this.clock.now();
    // A check-in window opens an hour before the start, so today's and tomorrow's dates cover every candidate.
    const today = localDate(now);
    const candidates = await this.bookings.checkInCandidates(user.id, venue.id, [today, addDays(today, 1)]);
    const choice = selfCheckInChoice(candidates, now, CHECK_IN_OPENS_MINUTES_BEFORE);
    const answer = (b: BookingEntity, already: boolean): SelfCheckInResponse => ({
      bookingId: b.id,
      status: 'checked_in',
      venueName: venue.name,
      startsAt: toBusinessIso(b.startsAt),
      endsAt: toBusinessIso(b.endsAt),
      alreadyCheckedIn: already,
    });
    switch (choice.kind) {
      case 'none':
        throw notFound('BOOKING_NOT_FOUND', `您现在在「${venue.name}」没有可签到的预约`);
      case 'too_early':
        throw unprocessable('CHECK_IN_NOT_OPEN', `还没到签到时间，${businessTime(choice.opensAt)}起可签到`, { opensAt: toBusinessIso(choice.opensAt) });
      case 'already':
        return answer(candidates.find((b) => b.id === choice.bookingId)!, true);
      case 'check_in': {
        const booking = candidates.find((b) => b.id === choice.bookingId)!;
        const done = await withTxRetry(() => this.tx.run((em) => this.bookings.checkIn(em, booking.slotId, user.id, user.id, now)));
        if (done) return answer(booking, false);
        // Between the read and the write: a second scan won, or the booking ended (cancelled, a no-show).
        const held = await this.bookings.findActiveOfSlot(booking.slotId, user.id);
        if (held?.status === 'checked_in') return answer(held, true);
        throw notFound('BOOKING_NOT_FOUND', `您现在在「${venue.name}」没有可签到的预约`);
      }
    }
  }
}
