import { TableColumnOptions } from 'typeorm';

/**
 * Column definitions for QueryRunner-API migrations, so one migration history renders on both
 * SQLite and MySQL. They match the entity decorators of columns.ts exactly; the schema test
 * (schema.e2e-spec.ts) fails if an entity and the migrations disagree.
 */
export const idCol = (name = 'id', extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: name === 'id',
  ...extra,
});
export const refCol = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
export const strCol = (name: string, length: number, nullable = false, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...extra,
});
export const textCol = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const intCol = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
export const fenCol = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
// Defaults as 0/1: that is how both drivers read a boolean default back.
export const boolCol = (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 });
export const instantCol = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
export const dateCol = (name: string, nullable = false): TableColumnOptions => strCol(name, 10, nullable);
export const jsonCol = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
