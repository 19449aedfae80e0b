import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';

const log = new Logger('GraphQL');

const BY_STATUS: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Every error leaves with `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT,
 * NOT_FOUND, …) and without stack traces; unexpected ones become INTERNAL_SERVER_ERROR with a
 * neutral message.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const ext = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete ext.stacktrace;
  const original = (error as { originalError?: { status?: number; response?: { statusCode?: number; message?: unknown } } })?.originalError;
  const status = original?.status ?? original?.response?.statusCode;
  let code = typeof ext.code === 'string' ? ext.code : undefined;
  if (status && BY_STATUS[status]) code = BY_STATUS[status];
  if (code === 'GRAPHQL_VALIDATION_FAILED' && /exceeds maximum operation depth/.test(formatted.message)) code = 'QUERY_TOO_DEEP';
  delete ext.originalError;
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    log.error(`${formatted.path?.join('.') ?? 'operation'}: ${(error as Error)?.message}`, (error as Error)?.stack);
    return {
      message: 'Something went wrong on our side.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions: { ...ext, code } };
}
