import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MinLength, ValidateNested } from 'class-validator';
import {
  CreateHardshipApplicationRequest,
  DESCRIPTION_MAX,
  HARDSHIP_DOCUMENT_TYPES,
  HARDSHIP_SITUATIONS,
  HardshipDocumentType,
  HardshipHouseholdMember,
  HardshipSituation,
  HOUSEHOLD_MAX,
  HOUSEHOLD_MIN,
  REGION_CODE_PATTERN,
  SubmitHardshipApplicationRequest,
} from '@unionhome/shared';
import { IsEntityId, IsFen, IsIdNumber, IsText } from '../../common/validators';

export class HouseholdMemberDto implements HardshipHouseholdMember {
  @IsText(10, { example: '本人' })
  @MinLength(1, { message: '请选择与申请人的关系' })
  relation: string;

  @IsText(30, { example: '李娜' })
  @MinLength(1, { message: '请填写姓名' })
  name: string;

  @IsIdNumber(undefined, { orMasked: true })
  idNumber: string;

  @IsFen({ description: '月收入，单位：分' })
  monthlyIncome: number;
}

export class CreateHardshipApplicationDto implements CreateHardshipApplicationRequest {
  @ApiProperty({ enum: HARDSHIP_SITUATIONS })
  @IsIn(HARDSHIP_SITUATIONS, { message: '请从六种困难情形中选择一种' })
  situation: HardshipSituation;

  @ApiProperty({ example: '330602' })
  @IsString({ message: '请选择所在地区' })
  @Matches(REGION_CODE_PATTERN, { message: '地区代码应为6位数字' })
  regionCode: string;

  @ApiPropertyOptional({ description: '负责初审的基层工会；会员默认为本人所在工会，非会员必填' })
  @IsOptional()
  @IsEntityId()
  orgId?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @IsOptional()
  @IsText(DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ type: [HouseholdMemberDto], minItems: HOUSEHOLD_MIN, maxItems: HOUSEHOLD_MAX })
  @IsOptional()
  @IsArray({ message: '家庭成员应为列表' })
  @ArrayMinSize(HOUSEHOLD_MIN, { message: '请至少填写一位家庭成员（包括您本人）' })
  @ArrayMaxSize(HOUSEHOLD_MAX, { message: `家庭成员最多填写${HOUSEHOLD_MAX}位` })
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberDto)
  household?: HouseholdMemberDto[];

  @IsOptional()
  @IsFen({ description: '因困难产生的每月必要支出，单位：分', required: false })
  monthlyNecessaryExpenses?: number;

  @ApiPropertyOptional({ description: '授权核查家庭财产（提交时必须为 true）' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  assetCheckConsent?: boolean;
}

export class UpdateHardshipApplicationDto extends PartialType(CreateHardshipApplicationDto) {}

export class SubmitHardshipApplicationDto implements SubmitHardshipApplicationRequest {
  @ApiPropertyOptional({ description: '授权核查家庭财产；也可在提交时一并给出' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  assetCheckConsent?: boolean;
}

/** The multipart fields next to the photo (`file`) of `POST /hardship-applications/{id}/documents`. */
export class UploadHardshipDocumentDto {
  @ApiProperty({ enum: HARDSHIP_DOCUMENT_TYPES, description: '材料类型' })
  @IsIn(HARDSHIP_DOCUMENT_TYPES, { message: '请选择材料类型' })
  type: HardshipDocumentType;
}
