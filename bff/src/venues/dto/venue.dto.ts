import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { CreateVenueRequest, UpdateVenueRequest, VENUE_KINDS, VENUE_RULE_RANGES, VenueKind, VenueRules } from '@unionhome/shared';
import { IsEntityId, IsText } from '../../common/validators';

/** An integer rule within its shared range, with a Chinese message naming the range. */
const range = (key: keyof typeof VENUE_RULE_RANGES, unit: string) => {
  const [min, max] = VENUE_RULE_RANGES[key];
  const message = `应在${min}到${max}${unit}之间`;
  return applyDecorators(IsInt({ message: '应为整数' }), Min(min, { message }), Max(max, { message }));
};

/** An optional integer rule within its shared range, documented for OpenAPI. */
const optionalRange = (key: keyof typeof VENUE_RULE_RANGES, unit: string, description: string, nullable = false) =>
  applyDecorators(ApiPropertyOptional({ description, ...(nullable ? { nullable } : {}) }), IsOptional(), range(key, unit));

/** An optional yes/no rule, documented for OpenAPI. */
const optionalFlag = (description: string) => applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsBoolean({ message: '应为是或否' }));

/** Booking rules of a venue; every field optional (defaults on create, unchanged on update). */
export class VenueRulesDto implements Partial<VenueRules> {
  @optionalRange('capacity', '人', '每个时段的默认名额')
  capacity?: number;

  @optionalRange('opensDaysAhead', '天', '提前几天开放预约')
  opensDaysAhead?: number;

  @optionalRange('opensAtHour', '点', '开放预约的整点（0–23）')
  opensAtHour?: number;

  @optionalFlag('仅限工会会员')
  membersOnly?: boolean;

  @optionalRange('maxPerDay', '次', '每人每天最多预约次数；null 为不限', true)
  maxPerDay?: number | null;

  @optionalRange('maxPerWeek', '次', '每人每周最多预约次数；null 为不限', true)
  maxPerWeek?: number | null;

  @optionalRange('cancelCutoffHours', '小时', '开始前几小时截止取消')
  cancelCutoffHours?: number;

  @optionalRange('noShowGraceMinutes', '分钟', '开始后几分钟未签到算未到场')
  noShowGraceMinutes?: number;

  @optionalFlag('未到场计入暂停预约的次数')
  noShowCounts?: boolean;

  @optionalFlag('约满后可排队候补')
  waitlist?: boolean;
}

/** The optional nested rules object of create and update. */
const optionalRules = () =>
  applyDecorators(ApiPropertyOptional({ type: VenueRulesDto }), IsOptional(), IsObject({ message: '格式不正确' }), ValidateNested(), Type(() => VenueRulesDto));

export class CreateVenueDto implements CreateVenueRequest {
  @IsText(60, { example: '瑜伽课' })
  @MinLength(1, { message: '请填写名称' })
  name: string;

  @ApiProperty({ enum: VENUE_KINDS })
  @IsIn(VENUE_KINDS, { message: '类型应为场地、健身房、游泳馆或课程' })
  kind: VenueKind;

  @IsOptional()
  @IsText(500)
  description?: string;

  @IsOptional()
  @IsText(100, { example: '文化宫三楼' })
  location?: string;

  @IsOptional()
  @IsEntityId({ description: '所属文化宫（仅管理员可指定）', required: false })
  orgId?: string;

  @optionalRules()
  rules?: VenueRulesDto;
}

export class UpdateVenueDto implements UpdateVenueRequest {
  @IsOptional()
  @IsText(60)
  @MinLength(1, { message: '请填写名称' })
  name?: string;

  @IsOptional()
  @IsText(500)
  description?: string;

  @IsOptional()
  @IsText(100)
  location?: string;

  @optionalFlag('是否对职工开放')
  active?: boolean;

  @optionalRules()
  rules?: VenueRulesDto;
}
