/**
 * Invite tokens and the join page they point to.
 *
 * A token is 20 characters of Crockford's base32 (100 random bits): it fits WeChat's 32-character
 * `scene` of a mini-program code, needs no URL encoding, and can be read aloud or typed from a
 * printed sheet: case does not matter, and O/I/L typed by mistake are read as 0/1/1.
 */

export const INVITE_TOKEN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_TOKEN_LENGTH = 20;
/** WeChat's limit for the `scene` of a mini-program code. */
export const INVITE_TOKEN_MAX_LENGTH = 32;

export const INVITE_EXPIRES_HOURS = { min: 1, max: 720, default: 72 } as const;
export const INVITE_MAX_USES_LIMIT = 100_000;

/** The join page is in the main package: a scan must open it without downloading a subpackage first. */
export const JOIN_PAGE = 'pages/join/index';

/** The mini-program path a QR code opens (API.md: `pages/join/index?scene=<token>`). */
export function joinPagePath(token: string): string {
  return `${JOIN_PAGE}?scene=${token}`;
}

/** The H5 address of the join page (hash router) under a site's public base URL. */
export function joinPageUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/${joinPagePath(token)}`;
}

const TOKEN_CHARS = /^[0-9A-HJKMNP-TV-Z]+$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The token in whatever a person or a scanner hands over: the code as printed ("ABCD EFGH …",
 * any case), a pasted link or mini-program path with `scene=…`, or the URL-encoded `scene` of a
 * mini-program start. null when it cannot be a token.
 */
export function normalizeInviteCode(input: string | null | undefined): string | null {
  let text = safeDecode(String(input ?? '').trim());
  const scene = /[?&#]scene=([^&#\s]*)/i.exec(text) ?? /^scene=([^&#\s]*)/i.exec(text);
  if (scene) text = safeDecode(scene[1]);
  const code = text
    .replace(/[\s\-_.·]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length < 16 || code.length > INVITE_TOKEN_MAX_LENGTH || !TOKEN_CHARS.test(code)) return null;
  return code;
}

/** "ABCDEFGHJKMNPQRSTVWX" → "ABCD EFGH JKMN PQRS TVWX" for reading off a sheet. */
export function formatInviteCode(token: string): string {
  return token.replace(/(.{4})(?=.)/g, '$1 ');
}

export const INVITE_STATUSES = ['active', 'expired', 'revoked', 'used_up'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  active: '有效',
  expired: '已过期',
  revoked: '已作废',
  used_up: '次数已用完',
};

export interface InviteState {
  expiresAt: Date | string;
  revokedAt: Date | string | null;
  maxUses: number | null;
  usedCount: number;
}

/** Whether an invite still admits applications; a revoked one says so even after it expired. */
export function inviteStatus(invite: InviteState, now: Date): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (invite.maxUses !== null && invite.usedCount >= invite.maxUses) return 'used_up';
  return 'active';
}
