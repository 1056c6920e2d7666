import { ZhMessageSet } from '@app/core';

/** Chinese for the jurisdictions lib's messages: divisions and bureaus. */
export const JURISDICTIONS_ZH: ZhMessageSet = {
  terms: { Bureau: '局', ministry: '部', province: '省级', city: '市级' },
  rules: [
    { en: 'the ministry has no jurisdiction code', zh: '部没有行政区划代码' },
    { en: 'a {level:term} bureau needs a jurisdiction code', zh: '{level}局须有行政区划代码' },
    { en: '{code} is not a known division code', zh: '{code} 不是已知的行政区划代码' },
    { en: '{code} is a {actual:term}; a {level:term} bureau needs a {expected:term}', zh: '{code} 是{actual}行政区划；{level}局须对应{expected}行政区划' },
    { en: 'parentCode must be a 6-digit division code', zh: '上级行政区划代码须为 6 位数字' },
    { en: 'jurisdiction must be 2 to 6 digits of a division code', zh: '辖区须为行政区划代码的 2 至 6 位数字' },
    { en: 'jurisdictionCode must be a 6-digit division code', zh: '行政区划代码须为 6 位数字' },
    { en: 'The ministry cannot be disabled', zh: '不能停用部' },
    { en: 'The bureau still has {active} active users: move them to another bureau or disable them first', zh: '该局仍有 {active} 个在用账户：请先将其调至其他局或停用' },
  ],
};
