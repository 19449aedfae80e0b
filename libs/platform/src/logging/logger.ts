import pino, { Logger } from 'pino';
import { AppConfig } from '../config/app-config';

/** Structured logs: one JSON line per event in production, pretty in development. */
export function createLogger(config: AppConfig, name: string): Logger {
  const transport =
    config.logFormat === 'pretty' ? { target: 'pino-pretty', options: { colorize: false, translateTime: 'SYS:HH:MM:ss.l' } } : undefined;
  return pino({ name, level: config.logLevel, transport });
}
