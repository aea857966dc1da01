import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { isMysqlFamily } from '../database/data-source-options';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@unionhome/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppException } from '../common/app-exception';
import { Public } from '../common/auth-user';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly db: 'mysql' | 'sqlite';

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.db = isMysqlFamily(ds.options.type) ? 'mysql' : 'sqlite';
  }

  @Public()
  @Get()
  async health(): Promise<HealthResponse> {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw new AppException('INTERNAL_ERROR', HttpStatus.SERVICE_UNAVAILABLE);
    }
    // demo tells the login page whether to offer the demo accounts (dev-login).
    return { status: 'ok', db: this.db, demo: this.config.demo };
  }
}
