import { DynamicModule, Global, Module } from '@nestjs/common';
import { RateLimiterFactory } from '../rate-limit/rate-limiter.factory';
import { AppConfig } from './app-config';

@Global()
@Module({})
export class ConfigModule {
  /**
   * Provides the validated AppConfig (the given one in tests, else the environment's) and what every
   * process derives from it alone: the RateLimiterFactory (Redis when REDIS_URL is set, else memory).
   */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useFactory: () => config ?? AppConfig.fromEnv() }, RateLimiterFactory],
      exports: [AppConfig, RateLimiterFactory],
    };
  }
}
