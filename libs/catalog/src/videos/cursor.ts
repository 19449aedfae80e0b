/** Opaque Relay cursor over (createdAt desc, id desc). */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString('base64url');
}

/** Null for anything that is not a cursor we made. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const [iso, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const createdAt = new Date(iso);
    if (typeof id !== 'string' || typeof iso !== 'string' || Number.isNaN(createdAt.getTime())) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
