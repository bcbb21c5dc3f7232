import { ApiInputError } from './errors.ts';

/** Where a page ends: the sort key's string form and the IRI of its last member. */
export interface Cursor {
  readonly key: string;
  readonly item: string;
}

/** CURSOR as an opaque URL-safe token. */
export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify([cursor.key, cursor.item])).toString('base64url');

/** The cursor of TOKEN, as encodeCursor wrote it; anything else is a 400. */
export function decodeCursor(token: string): Cursor {
  try {
    const [key, item] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof item === 'string') return { key, item };
  } catch {
    // reported below
  }
  throw new ApiInputError(`the cursor ${JSON.stringify(token.slice(0, 60))} is not one this API gave`, {
    fix: 'Follow the "next" link of the previous page (or its Link header) as it is, or leave "after" out.',
    pointer: '/after',
  });
}
