import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column kinds that behave the same on SQLite and MySQL (TOOLCHAIN.md): ids are varchar(36),
 * money is integer fen, instants are UTC datetime, local dates are YYYY-MM-DD strings.
 * Migrations use the matching `*Col` helpers in migration-helpers.ts.
 */
export const IdPrimaryColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const IdColumn = (opts: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...opts });
export const FenColumn = (opts: ColumnOptions = {}) => Column({ type: 'bigint', transformer: fenTransformer, ...opts });
export const InstantColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', ...opts });
export const LocalDateColumn = (opts: ColumnOptions = {}) => Column({ type: 'varchar', length: 10, ...opts });

/** mysql2 returns BIGINT as a string; money must come back as a number on both databases. */
export const fenTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)),
};
/** width 1 matches what MySQL/MariaDB report for BOOLEAN (tinyint(1)); SQLite ignores it. */
export const BoolColumn = (dflt = false, opts: ColumnOptions = {}) => Column({ type: 'boolean', width: 1, default: dflt, ...opts });
