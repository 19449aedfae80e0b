/** Opaque Relay cursor over (createdAt desc, id desc): the platform's keyset cursor (libs/platform/src/database/keyset.ts). */
export { encodeCursor, decodeCursor, type Cursor } from '@wetube/platform';
