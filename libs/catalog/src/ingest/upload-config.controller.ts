import { Controller, Get } from '@nestjs/common';
import { AppConfig } from '@wetube/platform';

/** Public limits, so the upload page can refuse a file before sending a byte. */
@Controller('api/config')
export class UploadConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  get() {
    return { maxUploadBytes: this.config.maxUploadBytes, maxDurationSec: this.config.maxDurationSec, apiUrl: this.config.publicApiUrl };
  }
}
