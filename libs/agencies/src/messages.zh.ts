import { ZhMessageSet } from '@app/core';

/** Chinese for the agencies lib's messages (see libs/core/src/i18n/zh-catalogue.ts). */
export const AGENCIES_ZH: ZhMessageSet = {
  terms: { Agency: '机构' },
  rules: [
    { en: 'Send the file as text/csv', zh: '请以 text/csv 格式发送文件' },
    { en: 'The file is larger than {limit} bytes', zh: '文件超过 {limit} 字节' },
    { en: '{count} problem(s) in the file; nothing was imported', zh: '文件中有 {count} 处问题；未导入任何数据' },
    { en: 'uscc must be up to 18 USCC characters', zh: '统一社会信用代码最多 18 位，且只能包含其允许的字符' },
    { en: 'jurisdiction must be 2 to 6 digits of a division code', zh: '辖区须为行政区划代码的 2 至 6 位数字' },
    { en: 'jurisdictionCode must be a 6-digit division code', zh: '行政区划代码须为 6 位数字' },
    { en: 'contactPhone must be a phone number', zh: '联系电话格式不正确' },
    { en: 'An agency may change only its English name, address and contacts; not {fields}', zh: '机构只能修改英文名称、地址和联系方式，不能修改：{fields}' },
    { en: '{code} is not a known city-level division code', zh: '{code} 不是已知的市级行政区划代码' },
    { en: '{code} is outside your jurisdiction', zh: '{code} 不在您的管辖范围内' },
    { en: '{uscc} already appears on line {line}', zh: '{uscc} 已在第 {line} 行出现' },
    { en: '{uscc} is already registered', zh: '{uscc} 已登记' },
    { en: '{count} problem(s) in {rows} row(s); nothing was imported', zh: '{rows} 行中有 {count} 个问题；未导入任何数据' },
    { en: 'The file is not valid CSV: {reason}', zh: '文件不是有效的 CSV：{reason}' },
    { en: 'The file has no rows', zh: '文件没有数据行' },
    { en: 'The file has {count} rows; at most {max} are accepted at once', zh: '文件有 {count} 行；一次最多接受 {max} 行' },
    { en: 'missing columns: {columns}; unknown columns: {unknown}', zh: '缺少列：{columns}；未知列：{unknown}' },
    { en: 'missing columns: {columns}', zh: '缺少列：{columns}' },
    { en: 'unknown columns: {columns}', zh: '未知列：{columns}' },
    { en: '{field} is not a valid unified social credit code: {problem:message}', zh: '{field} 不是有效的统一社会信用代码：{problem}' },
    { en: 'must be 18 characters', zh: '须为 18 位' },
    { en: 'contains "{c}", which is not in the USCC alphabet (digits and capitals but I, O, S, V, Z)', zh: '含有字符“{c}”，不属于统一社会信用代码字符集（数字及除 I、O、S、V、Z 外的大写字母）' },
    { en: 'characters 3-8 ({division}) are not a known administrative division code', zh: '第 3 至 8 位（{division}）不是已知的行政区划代码' },
    { en: 'check character is {given}, expected {expected}', zh: '校验码为 {given}，应为 {expected}' },
  ],
};
