// Contract types, enums and pure rules of the venues domain.
export * from './types';
export * from './rules';
