import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  CLAIM_DOCUMENT_TYPES,
  CLAIM_STATUSES,
  ClaimDocumentType,
  ClaimInvoice,
  ClaimStatus,
  CreateClaimRequest,
  INVOICE_CODE_PATTERN,
  INVOICE_NUMBER_PATTERN,
  MAX_INVOICES_PER_CLAIM,
  SubmitClaimRequest,
} from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsEntityId, IsFen, IsLocalDate } from '../../common/validators';

/** People copy invoice numbers with spaces ("3306 0122"): the spaces are not part of it. */
const squeeze = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);

export class ClaimInvoiceDto implements ClaimInvoice {
  @ApiProperty({ example: '33060122', description: '票据代码（全电发票可为空）' })
  @Transform(squeeze)
  @IsString({ message: '请填写票据代码' })
  @Matches(INVOICE_CODE_PATTERN, { message: '票据代码应为不超过20位的数字或字母' })
  code: string;

  @ApiProperty({ example: '00123456', description: '票据号码' })
  @Transform(squeeze)
  @IsString({ message: '请填写票据号码' })
  @Matches(INVOICE_NUMBER_PATTERN, { message: '票据号码应为1到20位的数字或字母' })
  number: string;

  @IsFen({ description: '发票金额（分）' })
  amount: number;
}

export class CreateClaimDto implements CreateClaimRequest {
  @IsEntityId({ description: '保障计划' })
  planId: string;

  @ApiProperty({ example: '绍兴市人民医院' })
  @IsString({ message: '请填写医院名称' })
  @MinLength(2, { message: '请填写医院全称' })
  @MaxLength(100, { message: '不能超过100个字' })
  hospital: string;

  @IsLocalDate({ description: '入院日期' })
  admissionDate: string;

  @IsLocalDate({ description: '出院日期' })
  dischargeDate: string;

  @IsFen({ description: '医疗总费用（分）' })
  totalAmount: number;

  @IsFen({ description: '医保统筹支付（分）' })
  insurancePaid: number;

  @IsOptional()
  @IsFen({ description: '其他已报销（分）', required: false })
  otherReimbursed?: number;

  @ApiProperty({ type: [ClaimInvoiceDto] })
  @IsArray({ message: '应为列表' })
  @ArrayMaxSize(MAX_INVOICES_PER_CLAIM, { message: `最多${MAX_INVOICES_PER_CLAIM}张发票` })
  @ValidateNested({ each: true })
  @Type(() => ClaimInvoiceDto)
  invoices: ClaimInvoiceDto[];
}

export class UpdateClaimDto extends PartialType(CreateClaimDto) {}

export class SubmitClaimDto implements SubmitClaimRequest {
  @ApiProperty({ description: '本人承诺所提交材料真实有效' })
  @IsBoolean({ message: '请确认材料真实有效' })
  declaration: true;
}

export class UploadClaimDocumentDto {
  @ApiProperty({ enum: CLAIM_DOCUMENT_TYPES })
  @IsIn(CLAIM_DOCUMENT_TYPES as unknown as string[], { message: '请选择材料类型' })
  type: ClaimDocumentType;
}

export class MyClaimsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES as unknown as string[], { message: '不在可选范围内' })
  status?: ClaimStatus;
}
