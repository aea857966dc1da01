import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { isMysqlFamily } from '../database/data-source-options';
import { DataSource } from 'typeorm';
import { AppException } from '../common/app-exception';
import { Public } from '../common/auth-user';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly db: 'mysql' | 'sqlite';

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.db = isMysqlFamily(ds.options.type) ? 'mysql' : 'sqlite';
  }

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; db: 'mysql' | 'sqlite' }> {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw new AppException('INTERNAL_ERROR', HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', db: this.db };
  }
}
