import { addDays, localDateTime, toBusinessIso } from '@unionhome/shared';
import { newId } from '../../src/common/ids';
import { TransactionRunner } from '../../src/common/transaction-runner';
import { MembershipEntity } from '../../src/membership/entities/membership.entity';
import { OrgEntity } from '../../src/orgs/entities/org.entity';
import { UserEntity } from '../../src/users/entities/user.entity';
import type { TestApp } from './test-app';

/** Test data for venue booking: many members at once, venues and slots through the staff API. */

export interface TestMember {
  userId: string;
  membershipId: string;
  phone: string;
  auth: { Authorization: string };
}

let memberSeq = 0;

/**
 * `count` new people with active memberships of DEMO-GRASSROOTS, written straight into the
 * database in one transaction (users + memberships), then logged in through dev-login.
 */
export async function createMembers(t: TestApp, count: number, opts: { member?: boolean } = {}): Promise<TestMember[]> {
  const org = await t.ds.manager.findOneByOrFail(OrgEntity, { code: 'DEMO-GRASSROOTS' });
  const now = new Date();
  const people = Array.from({ length: count }, () => {
    const seq = ++memberSeq;
    return { userId: newId(), membershipId: newId(), phone: `137${String(seq).padStart(8, '0')}`, seq };
  });
  await t.app.get(TransactionRunner).run(async (em) => {
    for (let i = 0; i < people.length; i += 100) {
      const chunk = people.slice(i, i + 100);
      await em.insert(
        UserEntity,
        chunk.map((p) => ({ id: p.userId, phone: p.phone, openid: null, name: `测试职工${p.seq}`, idNumberCipher: null, idNumberIndex: null, tags: null, createdAt: now, lastLoginAt: null })),
      );
      if (opts.member === false) continue;
      await em.insert(
        MembershipEntity,
        chunk.map((p) => ({
          id: p.membershipId,
          userId: p.userId,
          activeUserId: p.userId,
          orgId: org.id,
          memberNo: `T${String(p.seq).padStart(10, '0')}`,
          status: 'active' as const,
          employer: '测试单位',
          jobType: '',
          joinedAt: '2024-01-01',
          leftAt: null,
          createdAt: now,
        })),
      );
    }
  });
  const members: TestMember[] = [];
  for (let i = 0; i < people.length; i += 25) {
    const sessions = await Promise.all(people.slice(i, i + 25).map((p) => t.login(p.phone)));
    sessions.forEach((s, j) => {
      const p = people[i + j];
      members.push({ userId: p.userId, membershipId: p.membershipId, phone: p.phone, auth: s.auth });
    });
  }
  return members;
}

/** A venue of DEMO-PALACE made by its staff; rules default to no limits and booking open 30 days ahead. */
export async function createVenue(t: TestApp, staff: { Authorization: string }, body: Record<string, unknown> = {}): Promise<{ id: string }> {
  const { rules, ...rest } = body as { rules?: Record<string, unknown> };
  const res = await t.http
    .post('/api/v1/venues')
    .set(staff)
    .send({ name: `测试场馆${++memberSeq}`, kind: 'course', ...rest, rules: { capacity: 20, opensDaysAhead: 30, opensAtHour: 0, maxPerDay: null, maxPerWeek: null, ...rules } });
  if (res.status !== 201) throw new Error(`create venue → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A slot `daysAhead` days from the app's today at hour:minute (Shanghai), one hour long. */
export async function createSlot(
  t: TestApp,
  staff: { Authorization: string },
  venueId: string,
  daysAhead: number,
  hour: number,
  opts: { capacity?: number; minute?: number; minutes?: number } = {},
): Promise<{ id: string; startsAt: string; endsAt: string; capacity: number }> {
  const startsAt = localDateTime(addDays(t.clock.today(), daysAhead), hour, opts.minute ?? 0);
  const endsAt = new Date(startsAt.getTime() + (opts.minutes ?? 60) * 60_000);
  const res = await t.http
    .post(`/api/v1/venues/${venueId}/slots`)
    .set(staff)
    .send({ startsAt: toBusinessIso(startsAt), endsAt: toBusinessIso(endsAt), ...(opts.capacity ? { capacity: opts.capacity } : {}) });
  if (res.status !== 201) throw new Error(`create slot → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Counts per status of one batch of answers, e.g. { '201 confirmed': 20, '409 SLOT_FULL': 280 }. */
export function tally(responses: Array<{ status: number; body: { status?: string; code?: string } }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const key = `${r.status} ${r.body?.status ?? r.body?.code ?? ''}`.trim();
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
