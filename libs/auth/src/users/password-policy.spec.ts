import { passwordProblems } from './password-policy';

describe('password policy', () => {
  const owner = { username: 'fj-inspector', displayName: 'Lin Wei', email: 'lin.wei@hrss.fujian.example' };

  it.each([
    ['short', 'password must be 12 to 256 characters long'],
    ['x'.repeat(257), 'password must be 12 to 256 characters long'],
    ['my-FJ-Inspector-key-2026', 'password must not contain the username'],
    ['password1234', expect.stringMatching(/^password is too easy to guess/)],
    ['qwertyuiop123', expect.stringMatching(/^password is too easy to guess/)],
    ['iloveyou12345', expect.stringMatching(/^password is too easy to guess/)],
    ['demo-password', expect.stringMatching(/^password is too easy to guess/)],
    ['lin.wei@hrss.fujian.example', expect.stringMatching(/^password is too easy to guess/)],
  ])('refuses %j with a field-level message in English and Chinese', (password, message) => {
    const [problem, ...more] = passwordProblems(password, owner);
    expect(more).toHaveLength(0);
    expect(problem).toEqual({ field: 'password', message });
  });

  it.each(['correct-horse-battery-staple', 'Zh8#kq2!pLw9vR', 'tidal ferry lantern ochre'])('accepts %j', (password) => {
    expect(passwordProblems(password, owner)).toEqual([]);
  });
});
