import { usccCheckCharacter, usccProblem, withUsccCheck } from './uscc';

describe('unified social credit code', () => {
  // Published codes of real enterprises.
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('computes the check character with weights 3^(i-1) mod 31, 31 meaning 0', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    const code = withUsccCheck('9135010012345678X');
    expect(usccProblem(code)).toBeNull();
  });

  it('refuses a wrong check character, naming the expected one', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check character is 4, expected 3');
  });

  it.each([
    ['too short', '91350100M000100Y4', /18 characters/],
    ['a letter outside the alphabet', '91350100M000100O43', /"O"/],
    ['lower case', '91350100m000100Y43', /"m"/],
    ['an unknown division', withUsccCheck('9199010012345678X'), /division/],
    ['a non-string', 91350100, /18 characters/],
  ])('refuses %s', (_, code, message) => {
    expect(usccProblem(code)).toMatch(message);
  });
});
