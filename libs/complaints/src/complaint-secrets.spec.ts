import { submissionHash } from './complaint-secrets';

describe('submissionHash', () => {
  it('ignores key order and absent fields, and tells addresses apart', () => {
    const a = submissionHash({ description: 'x', categories: ['a'], agencyName: undefined }, '10.0.0.1');
    const b = submissionHash({ categories: ['a'], description: 'x' }, '10.0.0.1');
    expect(a).toBe(b);
    expect(submissionHash({ categories: ['a'], description: 'x' }, '10.0.0.2')).not.toBe(a);
    expect(submissionHash({ categories: ['b'], description: 'x' }, '10.0.0.1')).not.toBe(a);
  });

  it('uses the Idempotency-Key instead of the body, per address', () => {
    expect(submissionHash({ description: 'one' }, '10.0.0.1', 'key-12345')).toBe(submissionHash({ description: 'two' }, '10.0.0.1', 'key-12345'));
    expect(submissionHash({ description: 'one' }, '10.0.0.2', 'key-12345')).not.toBe(submissionHash({ description: 'one' }, '10.0.0.1', 'key-12345'));
  });
});
