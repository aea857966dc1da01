import { Foundation1764000000000 } from './1764000000000-foundation';

/**
 * Every migration, in order. Written with the QueryRunner schema API so the one history runs on
 * SQLite and MySQL alike. Add new ones at the end (timestamped file names).
 */
export const MIGRATIONS = [Foundation1764000000000];
