import { Foundation1764000000000 } from './1764000000000-foundation';
import { Membership1764000001000 } from './1764000001000-membership';
import { Claims1764000002000 } from './1764000002000-claims';
import { Venues1764000003000 } from './1764000003000-venues';
import { Hardship1764000004000 } from './1764000004000-hardship';
import { VenueCheckInCode1764000005000 } from './1764000005000-venue-check-in-code';
import { AuthVersion1765000000000 } from './1765000000000-auth-version';
import { SmsLogin1765000001000 } from './1765000001000-sms-login';
import { AuditChain1765000004000 } from './1765000004000-audit-chain';
import { UserRolesRoleIndex1765000002000 } from './1765000002000-user-roles-role-index';
import { OrgActive1765000003000 } from './1765000003000-org-active';
import { DocumentEncryption1765000005000 } from './1765000005000-document-encryption';
import { CardTokenUsesAndPromotion1765000007700 } from './1765000007700-card-token-uses-and-promotion';
import { ContestedIdNumbers1765000007500 } from './1765000007500-contested-id-numbers';

/**
 * Every migration, in order. Written with the QueryRunner schema API so the one history runs on
 * SQLite and MySQL alike. Add new ones at the end (timestamped file names).
 */
export const MIGRATIONS = [Foundation1764000000000, Membership1764000001000, Claims1764000002000, Venues1764000003000, Hardship1764000004000, VenueCheckInCode1764000005000, AuthVersion1765000000000, SmsLogin1765000001000, UserRolesRoleIndex1765000002000, OrgActive1765000003000, AuditChain1765000004000, DocumentEncryption1765000005000, ContestedIdNumbers1765000007500, CardTokenUsesAndPromotion1765000007700];
