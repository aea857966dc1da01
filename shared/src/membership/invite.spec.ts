import { formatInviteCode, inviteStatus, joinPagePath, joinPageUrl, normalizeInviteCode } from './invite';

const TOKEN = 'ABCDEFGHJKMNPQRSTVWX';

describe('invite codes', () => {
  it.each([
    [TOKEN, TOKEN],
    ['abcd efgh jkmn pqrs tvwx', TOKEN],
    ['ABCD-EFGH-JKMN-PQRS-TVWX', TOKEN],
    [`  ${TOKEN}\n`, TOKEN],
    [`http://127.0.0.1:3000/#/pages/join/index?scene=${TOKEN}`, TOKEN],
    [`https://union.example.cn/#/pages/join/index?from=share&scene=${TOKEN}&x=1`, TOKEN],
    [`pages/join/index?scene=${TOKEN}`, TOKEN],
    [`scene=${TOKEN}`, TOKEN],
    [encodeURIComponent(`scene=${TOKEN}`), TOKEN],
    ['O1IL0000ABCDEFGHJKMN', '0111' + '0000ABCDEFGHJKMN'], // O → 0, I/L → 1
    ['', null],
    ['short', null],
    ['not a code', null], // would read as N0TAC0DE: too short to be a code
    ['https://example.com/some/page', null],
    ['ABCDEFGHJKMNPQRSTVWXU', null], // U is not in the alphabet
    ['A'.repeat(33), null],
  ])('%j → %j', (input, token) => {
    expect(normalizeInviteCode(input)).toBe(token);
  });

  it('groups the code in fours for reading', () => {
    expect(formatInviteCode(TOKEN)).toBe('ABCD EFGH JKMN PQRS TVWX');
    expect(normalizeInviteCode(formatInviteCode(TOKEN))).toBe(TOKEN);
  });

  it('builds the path of API.md and the H5 link', () => {
    expect(joinPagePath(TOKEN)).toBe(`pages/join/index?scene=${TOKEN}`);
    expect(joinPageUrl('https://union.example.cn/', TOKEN)).toBe(`https://union.example.cn/#/pages/join/index?scene=${TOKEN}`);
  });
});

describe('invite status', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const base = { expiresAt: '2026-11-23T10:00:00Z', revokedAt: null, maxUses: null, usedCount: 0 };
  it.each([
    [base, 'active'],
    [{ ...base, expiresAt: '2026-11-22T10:00:00Z' }, 'expired'],
    [{ ...base, revokedAt: '2026-11-22T09:00:00Z' }, 'revoked'],
    [{ ...base, revokedAt: '2026-11-22T09:00:00Z', expiresAt: '2026-11-21T00:00:00Z' }, 'revoked'],
    [{ ...base, maxUses: 2, usedCount: 1 }, 'active'],
    [{ ...base, maxUses: 2, usedCount: 2 }, 'used_up'],
    [{ ...base, maxUses: 2, usedCount: 2, expiresAt: '2026-11-21T00:00:00Z' }, 'expired'],
  ])('%j → %s', (invite, status) => {
    expect(inviteStatus(invite, now)).toBe(status);
  });
});
