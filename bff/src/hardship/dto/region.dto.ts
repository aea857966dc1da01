import { ApiProperty } from '@nestjs/swagger';
import type { UpsertRegionRequest } from '@unionhome/shared';
import { MinLength } from 'class-validator';
import { IsFen, IsText } from '../../common/validators';

export type { RegionResponse } from '@unionhome/shared';

export class UpsertRegionDto implements UpsertRegionRequest {
  @IsText(50)
  @ApiProperty({ example: '越城区' })
  @MinLength(1, { message: '请填写地区名称' })
  name: string;

  @IsFen({ description: '每月最低生活保障标准，单位：分' })
  minimumLiving: number;
}
