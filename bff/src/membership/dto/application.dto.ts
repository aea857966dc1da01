import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  CreateApplicationRequest,
  ERROR_MESSAGES,
  JOB_TYPES,
  REJECT_REASON_MAX_LENGTH,
  RejectApplicationRequest,
  employerProblem,
  jobTypeProblem,
  nameProblem,
  phoneProblem,
} from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsIdNumber, IsText } from '../../common/validators';
import { SharedRule, Trim } from './shared-rule';

export class CreateApplicationDto implements CreateApplicationRequest {
  @ApiProperty({ description: '入会二维码中的邀请码', maxLength: 64 })
  @IsString({ message: '请提供入会二维码中的邀请码' })
  @MaxLength(64, { message: '邀请码不正确' })
  inviteToken: string;

  @ApiProperty({ example: '李娜' })
  @Trim()
  @SharedRule('name', nameProblem)
  name: string;

  @Trim()
  @IsIdNumber()
  idNumber: string;

  @ApiProperty({ example: '13800000007' })
  @Trim()
  @SharedRule('phone', phoneProblem)
  phone: string;

  @ApiProperty({ example: '美团外卖', description: '工作单位（平台或公司）' })
  @Trim()
  @SharedRule('employer', employerProblem)
  employer: string;

  @ApiPropertyOptional({ enum: JOB_TYPES })
  @IsOptional()
  @SharedRule('jobType', jobTypeProblem)
  jobType?: string;

  @ApiProperty({ description: '所阅读并同意的《会员权利义务告知》版本' })
  @IsString({ message: '请阅读并同意会员权利义务告知' })
  @MaxLength(20, { message: '告知版本不正确' })
  noticeVersion: string;

  @ApiProperty({ enum: [true], description: '同意为入会处理身份证号码（单独同意）' })
  @Equals(true, { message: ERROR_MESSAGES.CONSENT_REQUIRED })
  consent: true;
}

export class RejectApplicationDto implements RejectApplicationRequest {
  @Trim()
  @IsText(REJECT_REASON_MAX_LENGTH, { description: '驳回原因（申请人可以看到）' })
  @SharedRule('reason', (v) => (typeof v === 'string' && v.trim() ? null : '请填写驳回原因'))
  reason: string;
}

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: '状态只能是 pending、approved、rejected 或 withdrawn' })
  status?: ApplicationStatus;
}
