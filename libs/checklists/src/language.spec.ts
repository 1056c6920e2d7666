import { primaryLanguage } from './language';

describe('primaryLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr, en;q=0.5', 'en'],
    ['zh;q=0.2, en;q=0.9', 'en'],
    ['en;q=0, zh', 'zh-CN'],
    ['de', 'zh-CN'],
  ])('%s gives %s', (header, expected) => {
    expect(primaryLanguage(header)).toBe(expected);
  });
});
