import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AdminAuditModule } from './admin/audit/admin-audit.module';
import { StaffModule } from './admin/staff/staff.module';
import { AdminOrgsModule } from './admin/orgs/admin-orgs.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { CommonModule } from './common/common.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { loggerParams } from './config/logger';
import { dataSourceOptions, detectMysqlFlavor } from './database/data-source-options';
import { FilesModule } from './files/files.module';
import { HardshipModule } from './hardship/hardship.module';
import { HealthController } from './health/health.controller';
import { MembershipModule } from './membership/membership.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgsModule } from './orgs/orgs.module';
import { SmsModule } from './sms/sms.module';
import { UsersModule } from './users/users.module';
import { VenuesModule } from './venues/venues.module';

/** Domain modules, one per folder; add new domains here. */
const DOMAIN_MODULES = [AuthModule, UsersModule, OrgsModule, MessagesModule, FilesModule, NotificationsModule, MembershipModule, ClaimsModule, HardshipModule, VenuesModule, AdminAuditModule, StaffModule, AdminOrgsModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const staticSite = config.h5Dir
      ? [ServeStaticModule.forRoot({ rootPath: config.h5Dir, exclude: ['/api/{*path}'], serveStaticOptions: { maxAge: '1h', index: 'index.html' } })]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...dataSourceOptions(config.db, config.db.kind === 'mysql' ? await detectMysqlFlavor(config.db.url) : undefined),
            autoLoadEntities: true,
          }),
        }),
        ScheduleModule.forRoot(),
        ...staticSite,
        CommonModule,
        RateLimitModule,
        SmsModule,
        ...DOMAIN_MODULES,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
