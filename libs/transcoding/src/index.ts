export { TranscodeWorkerModule } from './transcode-worker.module';
export { TranscodeJobHandler } from './transcode-job.handler';
export { progressThrottle } from './progress.throttle';
