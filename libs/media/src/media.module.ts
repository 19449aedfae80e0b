import { Module } from '@nestjs/common';
import { MediaRepository } from './media.repository';
import { TranscodeService } from './transcode.service';

@Module({
  providers: [MediaRepository, TranscodeService],
  exports: [MediaRepository, TranscodeService],
})
export class MediaModule {}
