import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@hotline/server-platform';
import { AuditController, AuthController, UsersAdminController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // a KeyObject: given a string, jsonwebtoken first tries it as a public key on every verify (a throw + catch)
      useFactory: (c: AppConfig) => ({
        secret: createSecretKey(Buffer.from(c.JWT_SECRET)) as never,
        signOptions: { expiresIn: c.JWT_EXPIRES_IN as never, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersAdminController, AuditController],
  providers: [UsersService, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService],
})
export class IdentityModule {}
