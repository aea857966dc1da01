import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { HardshipApplicationSummary, HardshipArchiveEntry, Paged } from '@unionhome/shared';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { pageParams } from '../common/paging';
import { HardshipArchiveQueryDto, HardshipQueueQueryDto } from './dto/hardship-review.dto';
import { HardshipReviewService } from './hardship-review.service';

/** Staff lists: the review queue (officer: their union's subtree; reviewer: all) and the archive. */
@ApiTags('hardship')
@ApiBearerAuth()
@Controller()
export class HardshipReviewController {
  constructor(private readonly review: HardshipReviewService) {}

  @Get('review/hardship-applications')
  @Roles('officer', 'hardship_reviewer')
  queue(@CurrentUser() user: AuthUser, @Query() q: HardshipQueueQueryDto): Promise<Paged<HardshipApplicationSummary>> {
    return this.review.queue(user, q, pageParams(q));
  }

  /** 困难职工档案: approved cases, nearest re-check first; `dueWithinDays=30` for the re-checks coming up. */
  @Get('hardship-archive')
  @Roles('hardship_reviewer')
  archive(@Query() q: HardshipArchiveQueryDto): Promise<Paged<HardshipArchiveEntry>> {
    return this.review.archive(q, pageParams(q));
  }
}
