import { ZhMessageSet } from '@app/core';

export const REFERENCE_DATA_ZH: ZhMessageSet = {
  terms: { 'Help line': '求助热线', 'Country note': '国别提示' },
  rules: [
    { en: 'number must be a telephone number of digits, spaces and dashes', zh: '号码只能由数字、空格和短横线组成' },
    { en: 'sourceUrl must be an http(s) address', zh: '来源须为 http(s) 网址' },
    { en: 'countryCode must be an ISO 3166-1 alpha-2 code, or null', zh: '国家代码须为 ISO 3166-1 两位字母代码，或为 null' },
    { en: 'country must be an ISO 3166-1 alpha-2 code', zh: '国家代码须为 ISO 3166-1 两位字母代码' },
  ],
};
