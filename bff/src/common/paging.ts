import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Paged } from '@unionhome/shared';
import { QueryInt } from './validators';

/** `?page=1&limit=20`, limit capped at 100 (API.md). Extend it for list filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @QueryInt(1, 100_000)
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_LIMIT, maximum: MAX_PAGE_LIMIT })
  @IsOptional()
  @QueryInt(1, 1_000_000)
  limit?: number;
}

export function pageParams(q: PageQueryDto): { page: number; limit: number; skip: number } {
  const page = q.page ?? 1;
  const limit = Math.min(q.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT);
  return { page, limit, skip: (page - 1) * limit };
}

export function paged<T>(data: T[], total: number, p: { page: number; limit: number }): Paged<T> {
  return { data, total, page: p.page, limit: p.limit };
}
