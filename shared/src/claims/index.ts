// Contract types, enums and pure rules of the claims domain.
export * from './payout';
export * from './claims';
