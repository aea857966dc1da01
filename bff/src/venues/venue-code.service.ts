import { Inject, Injectable } from '@nestjs/common';
import { VENUE_CODE_WINDOW_SECONDS } from '@unionhome/shared';
import { Clock } from '../common/clock';
import { HmacSigner } from '../common/hmac-signer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const WINDOW_MS = VENUE_CODE_WINDOW_SECONDS * 1000;

export type VenueCodeCheck =
  | { ok: true; venueId: string; version: number }
  | { ok: false; reason: 'INVALID' }
  /** Signed by us but no longer current: an earlier window's code, or a print of the retired never-expiring kind. */
  | { ok: false; reason: 'EXPIRED'; printed: boolean };

/**
 * A venue's check-in code: `<venueId>.<version, base36>.<time window, base36>.<HMAC>`, the window
 * being the VENUE_CODE_WINDOW_SECONDS-long slice of time it belongs to.
 *
 * Why it rotates (issue 12 §6): the code used to be printed and hang at the door for months, so a
 * photo of it checked someone in from home. Of the two ways out — a print that carries a daily
 * part the member's scan must match (a new print every morning; a photo still works all day), or
 * a code that changes every few minutes on a screen at the door — we chose the screen: the staff's
 * 签到码 page shows the current code and fetches the next one by itself, and a code is accepted in
 * its own window and the next (a scan at the change still works), so a photo is useless within
 * four minutes. Stateless: HMAC of venue, version and window with a key derived from TOKEN_SECRET,
 * so any BFF instance issues and checks the same code. Staff can still replace the code at once
 * (the version goes up); whether the version is the venue's current one is checked by the caller.
 */
@Injectable()
export class VenueCodeService {
  private readonly signer: HmacSigner;
  /** The retired printed codes (`<venueId>.<version>.<HMAC>`), recognised only to say they are retired. */
  private readonly printedSigner: HmacSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly clock: Clock) {
    this.signer = new HmacSigner(config.tokenSecret, 'unionhome:venue-code:v2');
    this.printedSigner = new HmacSigner(config.tokenSecret, 'unionhome:venue-code:v1');
  }

  /** The code to show now, and how long until the next one. */
  issue(venue: { id: string; checkInCodeVersion: number }): { code: string; refreshInSeconds: number } {
    const now = this.clock.now().getTime();
    const window = Math.floor(now / WINDOW_MS);
    const body = `${venue.id}.${venue.checkInCodeVersion.toString(36)}.${window.toString(36)}`;
    return { code: `${body}.${this.signer.sign(body)}`, refreshInSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)) };
  }

  verify(code: string): VenueCodeCheck {
    if (typeof code !== 'string' || code.length > 120) return { ok: false, reason: 'INVALID' };
    const parts = code.split('.');
    if (parts.length === 3 && this.printedSigner.matches(`${parts[0]}.${parts[1]}`, parts[2])) return { ok: false, reason: 'EXPIRED', printed: true };
    if (parts.length !== 4 || !this.signer.matches(parts.slice(0, 3).join('.'), parts[3])) return { ok: false, reason: 'INVALID' };
    const version = parseInt(parts[1], 36);
    const window = parseInt(parts[2], 36);
    if (!Number.isInteger(version) || version < 1 || !Number.isInteger(window)) return { ok: false, reason: 'INVALID' };
    const current = Math.floor(this.clock.now().getTime() / WINDOW_MS);
    // The next window too: instances' clocks may differ by a moment at the change.
    if (window < current - 1 || window > current + 1) return { ok: false, reason: 'EXPIRED', printed: false };
    return { ok: true, venueId: parts[0], version };
  }
}
