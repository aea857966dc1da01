import { ApiProperty } from '@nestjs/swagger';
import { IsFen, IsText } from '../../common/validators';

export class UpsertRegionDto {
  @IsText(50)
  @ApiProperty({ example: '越城区' })
  name: string;

  @IsFen({ description: '每月最低生活保障标准，单位：分' })
  minimumLiving: number;
}

export interface RegionResponse {
  code: string;
  name: string;
  minimumLiving: number;
  updatedAt: string;
}
