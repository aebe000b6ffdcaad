import { Module } from '@nestjs/common';
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
      useFactory: (c: AppConfig) => ({ secret: c.JWT_SECRET, signOptions: { expiresIn: c.JWT_EXPIRES_IN as never } }),
    }),
  ],
  controllers: [AuthController, UsersAdminController, AuditController],
  providers: [UsersService, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService],
})
export class IdentityModule {}
