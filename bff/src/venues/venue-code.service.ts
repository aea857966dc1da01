import { Inject, Injectable } from '@nestjs/common';
import { HmacSigner } from '../common/hmac-signer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * A venue's printed check-in code: `<venueId>.<version, base36>.<HMAC>`. It is meant to hang at
 * the door for months, so it has no expiry; staff replace it (the version goes up and older
 * prints stop verifying) when a photo of it has gone round. Stateless to verify; whether the
 * version is still the venue's current one is checked by the caller against the database.
 */
@Injectable()
export class VenueCodeService {
  private readonly signer: HmacSigner;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signer = new HmacSigner(config.tokenSecret, 'unionhome:venue-code:v1');
  }

  issue(venue: { id: string; checkInCodeVersion: number }): string {
    const body = `${venue.id}.${venue.checkInCodeVersion.toString(36)}`;
    return `${body}.${this.signer.sign(body)}`;
  }

  verify(code: string): { venueId: string; version: number } | null {
    if (typeof code !== 'string' || code.length > 120) return null;
    const parts = code.split('.');
    if (parts.length !== 3) return null;
    if (!this.signer.matches(`${parts[0]}.${parts[1]}`, parts[2])) return null;
    const version = parseInt(parts[1], 36);
    return Number.isInteger(version) && version > 0 ? { venueId: parts[0], version } : null;
  }
}
