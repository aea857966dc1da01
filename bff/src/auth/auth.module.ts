import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SmsCodeEntity } from './entities/sms-code.entity';
import { JwtAuthGuard } from './jwt-auth.guard';
import { SmsLoginService } from './sms-login.service';
import { WechatClient } from './wechat.client';

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshTokenEntity, SmsCodeEntity]),
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      // A prepared KeyObject: given a plain string, jsonwebtoken first tries to parse it as a public
      // key on every verify (measured by the bench: ~20 % of a card request's CPU).
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.tokenSecret, 'utf8')), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SmsLoginService, WechatClient, { provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AuthModule {}
