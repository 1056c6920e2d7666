import { ZhMessageSet } from '@app/core';

/** Chinese for the checklists lib's messages. */
export const CHECKLISTS_ZH: ZhMessageSet = {
  terms: { 'Checklist template': '检查表模板', draft: '草稿', published: '已发布', inspection: '检查', self_assessment: '自查' },
  rules: [
    { en: 'code must be upper-case letters, digits, - or _ (at most 40)', zh: '代码只能包含大写字母、数字、- 或 _（最多 40 个字符）' },
    { en: 'code must be 2-40 upper-case letters, digits, - or _', zh: '代码须为 2 至 40 个大写字母、数字、- 或 _' },
    { en: 'templateId must name a published {kind:term} checklist template', zh: 'templateId 须指向已发布的{kind}检查表模板' },
    { en: 'No {kind:term} checklist template is published', zh: '尚未发布{kind}检查表模板' },
    { en: 'item code {code} appears more than once', zh: '条目代码 {code} 重复出现' },
    { en: 'template {code} is a {kind:term} checklist; a new version keeps its kind', zh: '模板 {code} 是{kind}检查表；新版本须保持相同类型' },
  ],
};
