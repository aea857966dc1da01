/**
 * Values for and from the few hot statements sent as plain SQL (the day view, the booking
 * transaction, the card), where TypeORM's query building and hydration cost more than the query.
 * The SQL text is the same on both databases; only datetime values differ in how they travel.
 */

/** A datetime parameter: mysql2 writes a Date as UTC (timezone 'Z'); on SQLite it is the UTC text TypeORM stores. */
export function instantParam(kind: 'mysql' | 'sqlite', d: Date): Date | string {
  return kind === 'mysql' ? d : d.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A datetime column of a raw row: mysql2 (timezone 'Z') gives a Date; better-sqlite3 gives the
 * UTC text TypeORM stored ("2026-11-23 11:00:00.000"), read here as UTC just as TypeORM does.
 */
export function instantOf(v: Date | string): Date {
  if (v instanceof Date) return v;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}

export function instantOrNull(v: Date | string | null | undefined): Date | null {
  return v === null || v === undefined ? null : instantOf(v);
}

/** A BOOLEAN column of a raw row: tinyint 0/1 on MySQL, integer 0/1 on SQLite. */
export function boolOf(v: unknown): boolean {
  return v === true || v === 1 || v === '1';
}

/** An INTEGER or COUNT of a raw row (mysql2 gives big numbers and SUMs as strings), NULL as null. */
export function intOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
