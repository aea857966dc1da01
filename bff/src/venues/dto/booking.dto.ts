import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, MinLength } from 'class-validator';
import { CheckInRequest, CreateBookingRequest, MY_BOOKING_SCOPES, MyBookingScope, SelfCheckInRequest } from '@unionhome/shared';
import { PageQueryDto } from '../../common/paging';
import { IsEntityId, IsText } from '../../common/validators';

export class CreateBookingDto implements CreateBookingRequest {
  @IsEntityId({ description: '时段编号' })
  slotId: string;

  @ApiPropertyOptional({ default: false, description: '约满时排队候补' })
  @IsOptional()
  @IsBoolean({ message: '应为是或否' })
  waitlist?: boolean;
}

export class MyBookingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MY_BOOKING_SCOPES, description: 'upcoming 即将开始；past 历史（已结束、已取消）' })
  @IsOptional()
  @IsIn(MY_BOOKING_SCOPES, { message: '应为 upcoming 或 past' })
  scope?: MyBookingScope;
}

export class SelfCheckInDto implements SelfCheckInRequest {
  @IsText(300, { description: '场馆签到码（或扫码得到的整段内容）' })
  @MinLength(1, { message: '请扫描场馆门口的签到码' })
  venueCode: string;
}

export class CheckInDto implements CheckInRequest {
  @IsText(200, { description: '会员卡二维码内容' })
  @MinLength(1, { message: '请扫描或填写会员卡二维码' })
  cardToken: string;

  @IsEntityId({ description: '时段编号' })
  slotId: string;
}
