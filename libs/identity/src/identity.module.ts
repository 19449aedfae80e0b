import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@wetube/platform';
import { AuthController } from './auth/auth.controller';
import { AuthenticatedGuard, OptionalAuthGuard } from './auth/guards';
import { JwtStrategy } from './auth/jwt.strategy';
import { LoginThrottle } from './auth/login-throttle';
import { SignInService } from './auth/sign-in.service';
import { SessionTokenService } from './auth/session-token.service';
import { AccountResolver } from './graphql/account.resolver';
import { UserEntity } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    PassportModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }) }),
  ],
  controllers: [AuthController],
  providers: [
    UsersRepository,
    UsersService,
    SessionTokenService,
    LoginThrottle,
    SignInService,
    JwtStrategy,
    AccountResolver,
    AuthenticatedGuard,
    OptionalAuthGuard,
  ],
  exports: [UsersService, SessionTokenService, AuthenticatedGuard, OptionalAuthGuard],
})
export class IdentityModule {}
