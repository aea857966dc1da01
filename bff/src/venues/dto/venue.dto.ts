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

/** Booking rules of a venue; every field optional (defaults on create, unchanged on update). */
export class VenueRulesDto implements Partial<VenueRules> {
  @ApiPropertyOptional({ description: '每个时段的默认名额' })
  @IsOptional()
  @range('capacity', '人')
  capacity?: number;

  @ApiPropertyOptional({ description: '提前几天开放预约' })
  @IsOptional()
  @range('opensDaysAhead', '天')
  opensDaysAhead?: number;

  @ApiPropertyOptional({ description: '开放预约的整点（0–23）' })
  @IsOptional()
  @range('opensAtHour', '点')
  opensAtHour?: number;

  @ApiPropertyOptional({ description: '仅限工会会员' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  membersOnly?: boolean;

  @ApiPropertyOptional({ nullable: true, description: '每人每天最多预约次数；null 为不限' })
  @IsOptional()
  @range('maxPerDay', '次')
  maxPerDay?: number | null;

  @ApiPropertyOptional({ nullable: true, description: '每人每周最多预约次数；null 为不限' })
  @IsOptional()
  @range('maxPerWeek', '次')
  maxPerWeek?: number | null;

  @ApiPropertyOptional({ description: '开始前几小时截止取消' })
  @IsOptional()
  @range('cancelCutoffHours', '小时')
  cancelCutoffHours?: number;

  @ApiPropertyOptional({ description: '开始后几分钟未签到算未到场' })
  @IsOptional()
  @range('noShowGraceMinutes', '分钟')
  noShowGraceMinutes?: number;

  @ApiPropertyOptional({ description: '未到场计入暂停预约的次数' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  noShowCounts?: boolean;

  @ApiPropertyOptional({ description: '约满后可排队候补' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  waitlist?: boolean;
}

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

  @ApiPropertyOptional({ type: VenueRulesDto })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => VenueRulesDto)
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  active?: boolean;

  @ApiPropertyOptional({ type: VenueRulesDto })
  @IsOptional()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => VenueRulesDto)
  rules?: VenueRulesDto;
}
