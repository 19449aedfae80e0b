import { Module } from '@nestjs/common';
import { StorageModule } from '@wetube/platform';
import { MediaRepository } from './media.repository';
import { TranscodeService } from './transcode.service';

@Module({
  imports: [StorageModule],
  providers: [MediaRepository, TranscodeService],
  exports: [MediaRepository, TranscodeService],
})
export class MediaModule {}
