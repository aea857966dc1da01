import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { EntityManager } from 'typeorm';
import {
  businessDateTimeLabel,
  NO_SHOW_POLICY,
  noShowCandidatesBefore,
  noShowCounts,
  noShowDue,
  suspensionAfterNoShow,
  VENUE_RULE_RANGES,
} from '@unionhome/shared';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../common/transaction-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MessagesService } from '../messages/messages.service';
import { BookingsRepository } from './bookings.repository';
import { BookingsService, MY_BOOKINGS_LINK, slotLabel } from './bookings.service';
import { BookingEntity } from './entities/booking.entity';
import { VenueEntity } from './entities/venue.entity';
import { withTxRetry } from '../common/tx-retry';
import { venueRules } from './venues.mapper';
import { VenuesRepository } from './venues.repository';

const JOB_NAME = 'venues:no-shows';
const EVERY_MS = 60_000;
const BATCH = 200;
const DAY = 86_400_000;

/**
 * The no-show job: a confirmed booking not checked in by the end of its venue's grace period
 * (15 minutes by default) becomes a no-show, its place goes to the first in line while the slot
 * can still be used (or back to the pool), and two counted no-shows in 30 days suspend booking for
 * 30 days — the member is told why and until when. A place given from the waitlist late (less
 * than 30 minutes before the start, shared noShowCounts) is not counted if missed. Runs every minute when JOBS is on; tests call releaseDueNoShows() after
 * moving the Clock. Safe on several instances at once: each booking is re-read under its slot's
 * lock and only a still-confirmed one is changed.
 */
@Injectable()
export class NoShowService implements OnApplicationBootstrap {
  private readonly logger = new Logger('NoShowJob');
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly bookings: BookingsRepository,
    private readonly bookingService: BookingsService,
    private readonly venues: VenuesRepository,
    private readonly messages: MessagesService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs) return;
    this.scheduler.addInterval(JOB_NAME, setInterval(() => void this.tick(), EVERY_MS));
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const released = await this.releaseDueNoShows();
      if (released) this.logger.log(`released ${released} no-show booking(s)`);
    } catch (err) {
      this.logger.error({ err }, 'no-show job failed');
    } finally {
      this.running = false;
    }
  }

  /** Marks every due no-show, reading candidates `batch` at a time; returns how many. */
  async releaseDueNoShows(batch = BATCH): Promise<number> {
    const now = this.clock.now();
    const before = noShowCandidatesBefore(now, VENUE_RULE_RANGES.noShowGraceMinutes[0]);
    const venues = new Map<string, VenueEntity>();
    let released = 0;
    let cursor: { startsAt: Date; id: string } | null = null;
    for (;;) {
      const candidates = await this.bookings.dueCandidates(before, cursor, batch);
      if (!candidates.length) break;
      const missing = candidates.map((b) => b.venueId).filter((id) => !venues.has(id));
      for (const v of await this.venues.venuesByIds(missing)) venues.set(v.id, v);
      for (const candidate of candidates) {
        const venue = venues.get(candidate.venueId);
        if (!venue || !noShowDue(candidate, venueRules(venue), now)) continue;
        if (await withTxRetry(() => this.tx.run((em) => this.markNoShow(em, candidate, venue, now)))) released++;
      }
      const last = candidates[candidates.length - 1];
      cursor = { startsAt: last.startsAt, id: last.id };
      if (candidates.length < batch) break;
    }
    return released;
  }

  private async markNoShow(em: EntityManager, candidate: BookingEntity, venue: VenueEntity, now: Date): Promise<boolean> {
    await this.bookings.lockSlot(em, candidate.slotId);
    const booking = await this.bookings.lockBooking(em, candidate.id);
    if (!booking || booking.status !== 'confirmed') return false;
    const counted = noShowCounts(booking, venue.noShowCounts);
    await this.bookings.endBooking(em, booking.id, { status: 'no_show', noShowAt: now, noShowCounted: counted });
    await this.bookingService.releasePlace(em, booking.slotId, venue, now, booking);
    const rules = venueRules(venue);
    await this.messages.send(
      booking.userId,
      {
        title: '预约未到场',
        body:
          `您预约的「${venue.name}」${slotLabel(booking)}在开始后${rules.noShowGraceMinutes}分钟内未签到，已记为未到场，名额已释放给其他职工。` +
          (counted
            ? `${NO_SHOW_POLICY.windowDays}天内未到场${NO_SHOW_POLICY.limit}次将暂停预约${NO_SHOW_POLICY.suspensionDays}天。`
            : venue.noShowCounts
              ? '这次是临近开始才从候补递补上的，不计入未到场次数。'
              : ''),
        link: MY_BOOKINGS_LINK,
      },
      em,
    );
    if (counted) await this.suspendIfDue(em, booking.userId, now);
    return true;
  }

  private async suspendIfDue(em: EntityManager, userId: string, now: Date): Promise<void> {
    let account = await this.bookings.lockAccount(em, userId);
    if (!account) {
      await this.bookings.ensureAccount(em, userId, now);
      account = await this.bookings.lockAccount(em, userId);
    }
    const noShowsAt = await this.bookings.countedNoShowsSince(em, userId, new Date(now.getTime() - NO_SHOW_POLICY.windowDays * DAY));
    const until = suspensionAfterNoShow({ noShowsAt, now, lastSuspendedAt: account?.suspendedAt ?? null });
    if (!until) return;
    const counted = noShowsAt.filter((at) => !account?.suspendedAt || at > account.suspendedAt).length;
    const reason = `${NO_SHOW_POLICY.windowDays}天内${counted}次预约未到场`;
    await this.bookings.suspend(em, userId, now, until, reason);
    await this.messages.send(
      userId,
      {
        title: '预约功能已暂停',
        body: `您在${NO_SHOW_POLICY.windowDays}天内有${counted}次预约未按时签到。按文化宫规定，场馆预约功能暂停至${businessDateTimeLabel(until)}，到期后自动恢复；已有的预约不受影响。`,
        link: MY_BOOKINGS_LINK,
      },
      em,
    );
  }
}
