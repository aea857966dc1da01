import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MessageResponse, Paged } from '@unionhome/shared';
import { notFound } from '../common/app-exception';
import { AuthUser, CurrentUser } from '../common/auth-user';
import { PageQueryDto, pageParams } from '../common/paging';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('me/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: PageQueryDto): Promise<Paged<MessageResponse>> {
    return this.messages.list(user.id, pageParams(q));
  }

  @Get('unread-count')
  async unread(@CurrentUser() user: AuthUser): Promise<{ count: number }> {
    return { count: await this.messages.unreadCount(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string): Promise<{ ok: true }> {
    if (!(await this.messages.markRead(user.id, id))) throw notFound();
    return { ok: true };
  }
}
