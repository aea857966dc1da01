import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CreateSlotRequest, GenerateSlotsRequest, VENUE_RULE_RANGES } from '@unionhome/shared';
import { IsLocalDate } from '../../common/validators';

/** An instant in ISO 8601 with its offset, e.g. 2026-11-23T19:00:00+08:00 (API.md conventions). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export function IsInstant(example = '2026-11-23T19:00:00+08:00') {
  return applyDecorators(
    ApiProperty({ example, description: 'ISO 8601 时间，带时区' }),
    IsString({ message: '时间格式应为 2026-11-23T19:00:00+08:00' }),
    Matches(INSTANT, { message: '时间格式应为 2026-11-23T19:00:00+08:00' }),
  );
}

const [CAP_MIN, CAP_MAX] = VENUE_RULE_RANGES.capacity;
const Capacity = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: CAP_MIN, maximum: CAP_MAX, description: '名额；默认取场馆规则' }),
    IsOptional(),
    IsInt({ message: '名额应为整数' }),
    Min(CAP_MIN, { message: `名额应在${CAP_MIN}到${CAP_MAX}之间` }),
    Max(CAP_MAX, { message: `名额应在${CAP_MIN}到${CAP_MAX}之间` }),
  );

export class CreateSlotDto implements CreateSlotRequest {
  @IsInstant()
  startsAt: string;

  @IsInstant('2026-11-23T20:00:00+08:00')
  endsAt: string;

  @Capacity()
  capacity?: number;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class GenerateSlotsDto implements GenerateSlotsRequest {
  @IsLocalDate({ description: '从哪天开始（含）' })
  fromDate: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 13, description: '持续几周（与 toDate 二选一，默认4周）' })
  @IsOptional()
  @IsInt({ message: '周数应为整数' })
  @Min(1, { message: '周数应在1到13之间' })
  @Max(13, { message: '周数应在1到13之间' })
  weeks?: number;

  @IsOptional()
  @IsLocalDate({ description: '到哪天结束（含）', required: false })
  toDate?: string;

  @ApiProperty({ example: [1, 2, 3, 4, 5], description: '星期几：1=星期一 … 7=星期日' })
  @IsArray({ message: '请选择星期几' })
  @ArrayMinSize(1, { message: '请至少选择一天' })
  @ArrayMaxSize(7, { message: '最多选择7天' })
  @IsInt({ each: true, message: '星期应为1到7' })
  @Min(1, { each: true, message: '星期应为1到7' })
  @Max(7, { each: true, message: '星期应为1到7' })
  weekdays: number[];

  @ApiProperty({ example: '19:00' })
  @IsString({ message: '时间格式应为 时:分，例如 19:00' })
  @Matches(TIME, { message: '时间格式应为 时:分，例如 19:00' })
  startTime: string;

  @ApiProperty({ example: '20:00' })
  @IsString({ message: '时间格式应为 时:分，例如 20:00' })
  @Matches(TIME, { message: '时间格式应为 时:分，例如 20:00' })
  endTime: string;

  @Capacity()
  capacity?: number;
}

export class SlotsQueryDto {
  @IsLocalDate({ description: '哪一天的时段' })
  date: string;
}
