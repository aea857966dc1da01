import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { notFound, invalid } from '../common/app-exception';
import { Public, Roles } from '../common/auth-user';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../common/transaction-runner';
import { RegionResponse, UpsertRegionDto } from './dto/region.dto';
import { RegionEntity } from './entities/region.entity';

const toRegion = (r: RegionEntity): RegionResponse => ({ code: r.code, name: r.name, minimumLiving: r.minimumLiving, updatedAt: r.updatedAt.toISOString() });

/** Regions and their minimum living standards (低保标准): public to read, edited by the city admin. */
@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  @Public()
  @Get()
  async list(): Promise<RegionResponse[]> {
    return (await this.tx.manager().find(RegionEntity, { order: { code: 'ASC' } })).map(toRegion);
  }

  @Public()
  @Get(':code')
  async get(@Param('code') code: string): Promise<RegionResponse> {
    const r = await this.tx.manager().findOneBy(RegionEntity, { code });
    if (!r) throw notFound('REGION_NOT_FOUND');
    return toRegion(r);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put(':code')
  async upsert(@Param('code') code: string, @Body() dto: UpsertRegionDto): Promise<RegionResponse> {
    if (!/^\d{6}$/.test(code)) throw invalid({ code: '地区代码应为6位数字' });
    const row = { code, name: dto.name, minimumLiving: dto.minimumLiving, updatedAt: this.clock.now() };
    await this.tx.run((em) => em.save(RegionEntity, row));
    return toRegion(row as RegionEntity);
  }
}
