// Contract types, enums and pure rules of the membership domain (join by QR, the card).
export * from './notice';
export * from './rules';
export * from './invite';
export * from './contract';
