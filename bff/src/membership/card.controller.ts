import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CardResponse, VerifyCardResponse } from '@unionhome/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { CardService } from './card.service';
import { VerifyCardDto } from './dto/member.dto';

@ApiTags('membership')
@ApiBearerAuth()
@Controller()
export class CardController {
  constructor(private readonly cards: CardService) {}

  /** The caller's card with a fresh 60-second QR token (the card page asks again every 30 s). */
  @Get('me/card')
  card(@CurrentUser() user: AuthUser): Promise<CardResponse> {
    return this.cards.card(user.id);
  }

  @Roles('venue_staff', 'officer')
  @Post('cards/verify')
  @HttpCode(200)
  verify(@CurrentUser() user: AuthUser, @Body() dto: VerifyCardDto): Promise<VerifyCardResponse> {
    return this.cards.verify(user.id, dto.token);
  }
}
