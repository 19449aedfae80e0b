import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, createLogger, PinoNestLogger } from '@wetube/platform';
import { TranscoderModule } from './transcoder.module';

/** `npm run start:transcoder`: one of N transcode workers consuming the BullMQ queue. */
async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnv();
    if (!config.redisUrl)
      throw new ConfigError(
        'Invalid configuration:\n  REDIS_URL: required for a separate transcoder process (without it the api transcodes in-process)',
      );
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(TranscoderModule.forRoot(config), {
    logger: new PinoNestLogger(createLogger(config, 'transcoder')),
  });
  app.enableShutdownHooks();
  new Logger('Transcoder').log(`transcoder ${process.pid} started`);
}

void bootstrap();
