import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrgResponse } from '@unionhome/shared';
import { Public } from '../common/auth-user';
import { OrgQueryDto } from './dto/org-query.dto';
import { toOrgResponse } from './orgs.mapper';
import { OrgsRepository } from './orgs.repository';

/** Union organisations are public information (names and codes), so the list needs no login. */
@ApiTags('orgs')
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsRepository) {}

  @Public()
  @Get()
  async list(@Query() q: OrgQueryDto): Promise<OrgResponse[]> {
    return (await this.orgs.search(q)).map(toOrgResponse);
  }
}
