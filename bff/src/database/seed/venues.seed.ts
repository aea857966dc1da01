import { addDays, DEFAULT_VENUE_RULES, localDateTime, VenueKind, VenueRules } from '@unionhome/shared';
import { newId } from '../../common/ids';
import { VenueSlotEntity } from '../../venues/entities/venue-slot.entity';
import { VenueEntity } from '../../venues/entities/venue.entity';
import { SeedContext } from './seed-context';

/** Daily times of a demo venue, [start, end) as hours:minutes. */
type DailyTime = [number, number, number, number];

const VENUES: Array<{ name: string; kind: VenueKind; location: string; description: string; rules: Partial<VenueRules>; daily: DailyTime[] }> = [
  {
    name: '多功能会议室',
    kind: 'room',
    location: '文化宫二楼 201室',
    description: '可坐30人，带投影和音响，适合班组会议、技能培训。整间预约。',
    rules: { capacity: 1, maxPerDay: 1, maxPerWeek: 2, cancelCutoffHours: 4 },
    daily: [
      [9, 0, 11, 0],
      [14, 0, 16, 0],
    ],
  },
  {
    name: '职工健身房',
    kind: 'gym',
    location: '文化宫一楼东侧',
    description: '跑步机、动感单车和力量器械，凭会员卡入场，每次两小时。',
    rules: { capacity: 30, maxPerDay: 1, maxPerWeek: 5, cancelCutoffHours: 1 },
    daily: [
      [9, 0, 11, 0],
      [14, 0, 16, 0],
      [18, 0, 20, 0],
    ],
  },
  {
    name: '瑜伽课',
    kind: 'course',
    location: '文化宫三楼 形体房',
    description: '零基础晚间瑜伽，老师带练，自带瑜伽垫。',
    rules: { capacity: 20, maxPerDay: 1, maxPerWeek: 3, cancelCutoffHours: 2 },
    daily: [[19, 0, 20, 0]],
  },
];

/**
 * 示范工人文化宫 (DEMO-PALACE): a meeting room, a gym and a daily 19:00 yoga course, bookable
 * 7 days ahead from 08:00, members only, with slots for the 7 days from the seed time on.
 */
export async function seedVenues(ctx: SeedContext): Promise<void> {
  const { em, clock } = ctx;
  const now = clock.now();
  const today = clock.today();
  for (const v of VENUES) {
    const rules: VenueRules = { ...DEFAULT_VENUE_RULES, opensDaysAhead: 7, opensAtHour: 8, membersOnly: true, ...v.rules };
    const venue: VenueEntity = {
      id: newId(),
      orgId: ctx.orgIds['DEMO-PALACE'],
      name: v.name,
      kind: v.kind,
      description: v.description,
      location: v.location,
      active: true,
      ...rules,
      checkInCodeVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
    await em.insert(VenueEntity, venue);
    const slots: VenueSlotEntity[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(today, d);
      for (const [h1, m1, h2, m2] of v.daily) {
        const startsAt = localDateTime(date, h1, m1);
        if (startsAt <= now) continue;
        slots.push({ id: newId(), venueId: venue.id, startsAt, endsAt: localDateTime(date, h2, m2), capacity: rules.capacity, booked: 0, waitlisted: 0, waitlistSeq: 0, closedAt: null, createdAt: now });
      }
    }
    await em.insert(VenueSlotEntity, slots);
  }
}
