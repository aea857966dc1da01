import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORG_TYPES, OrgType } from '@unionhome/shared';

export class OrgQueryDto {
  @ApiPropertyOptional({ example: 'DEMO-GRASSROOTS' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  @ApiPropertyOptional({ enum: ORG_TYPES })
  @IsOptional()
  @IsIn(ORG_TYPES)
  type?: OrgType;

  @ApiPropertyOptional({ example: '330602' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  regionCode?: string;
}
