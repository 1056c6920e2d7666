import { ProblemException } from '../errors/problem.exception';
import { decodeCursor, encodeCursor } from './page';

describe('keyset cursors', () => {
  it('round-trip their values', () => {
    const cursor = encodeCursor(['2026-11-23T08:00:00.123Z', 'b0b0b0b0-0000-4000-8000-000000000000']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-23T08:00:00.123Z', 'b0b0b0b0-0000-4000-8000-000000000000']);
  });

  it.each([
    ['not base64 json', 'bm90LWEtY3Vyc29y'],
    ['the wrong arity', encodeCursor(['a'])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['nested values', Buffer.from('[[1],2]').toString('base64url')],
  ])('refuse %s with a field-level problem', (_, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(ProblemException);
    try {
      decodeCursor(cursor, 2);
    } catch (error) {
      expect((error as ProblemException).extensions.errors).toEqual([{ field: 'cursor', message: 'cursor is not a cursor this API issued' }]);
    }
  });
});
