import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, DatabaseModule } from '@wetube/platform';
import { TranscodeWorkerModule } from '@wetube/transcoding';

@Module({})
export class TranscoderModule {
  /** A transcode worker process: database + BullMQ queue + ffmpeg, no HTTP. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TranscoderModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot({ runMigrations: false }), TranscodeWorkerModule],
    };
  }
}
