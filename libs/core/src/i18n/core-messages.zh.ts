import { zhMessages } from './zh-catalogue';

/** Problem titles by HTTP status. */
export const ZH_TITLES: Record<number, string> = {
  400: '请求有误',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '未找到',
  405: '不支持此请求方法',
  406: '无法提供所要求的格式',
  409: '与当前状态冲突',
  413: '请求内容过大',
  415: '不支持的内容类型',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

/** Said when a message has no Chinese yet (the English follows in brackets). */
export const ZH_FALLBACK_DETAILS: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '请先登录',
  403: '您无权执行此操作',
  404: '未找到所请求的内容',
  409: '操作与记录的当前状态冲突',
  413: '请求内容过大',
  415: '不支持该内容类型',
  429: '请求过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** class-validator's default messages (field names stay as the API spells them; `errors[].field` names the field). */
const VALIDATION = [
  { en: 'each value in {message:message}', zh: '每一项：{message}' },
  { en: '{field:field} must be a string', zh: '{field} 必须是文本' },
  { en: '{field:field} must be one of the following values: {values}', zh: '{field} 必须是以下值之一：{values}' },
  { en: '{field:field} must be an integer number', zh: '{field} 必须是整数' },
  { en: '{field:field} must be a number conforming to the specified constraints', zh: '{field} 必须是符合要求的数字' },
  { en: '{field:field} must be a boolean value', zh: '{field} 必须是布尔值（true 或 false）' },
  { en: '{field:field} must be a valid ISO 8601 date string', zh: '{field} 必须是有效的 ISO 8601 日期' },
  { en: '{field:field} must be an email', zh: '{field} 必须是有效的电子邮箱地址' },
  { en: '{field:field} must be a UUID', zh: '{field} 必须是 UUID' },
  { en: '{field:field} must be a positive number', zh: '{field} 必须是正数' },
  { en: '{field:field} must be an array', zh: '{field} 必须是数组' },
  { en: '{field:field} must contain no more than {n} elements', zh: '{field} 最多 {n} 项' },
  { en: '{field:field} must contain at least {n} elements', zh: '{field} 至少 {n} 项' },
  { en: "All {field:field}'s elements must be unique", zh: '{field} 的各项不能重复' },
  { en: '{field:field} must be longer than or equal to {n} characters', zh: '{field} 至少 {n} 个字符' },
  { en: '{field:field} must be shorter than or equal to {n} characters', zh: '{field} 最多 {n} 个字符' },
  { en: '{field:field} must be longer than or equal to {min} and shorter than or equal to {max} characters', zh: '{field} 须为 {min} 至 {max} 个字符' },
  { en: '{field:field} must not be less than {n}', zh: '{field} 不能小于 {n}' },
  { en: '{field:field} must not be greater than {n}', zh: '{field} 不能大于 {n}' },
  { en: '{field:field} must match {pattern} regular expression', zh: '{field} 的格式不正确（须符合 {pattern}）' },
  { en: 'nested property {field:field} must be either object or array', zh: '{field} 必须是对象或数组' },
  { en: 'property {field:field} should not exist', zh: '不接受字段 {field}' },
  { en: 'an unknown value was passed to the validate function', zh: '请求体必须是 JSON 对象' },
];

/** What libs/core itself says: generic problems, database outcomes, rate limits, HTTP-level errors. */
const CORE = [
  { en: 'The request has invalid fields', zh: '请求中有无效的字段' },
  { en: '{entity:term} {id} was not found', zh: '未找到{entity} {id}' },
  { en: '{entity:term} was not found', zh: '未找到{entity}' },
  { en: '{entity:term} was changed by someone else; reload it and try again', zh: '{entity}已被他人修改，请刷新后重试' },
  { en: '{entity:term} is {from:term}; it cannot become {to:term}', zh: '{entity}当前状态为“{from}”，不能变为“{to}”' },
  { en: 'cursor is not a cursor this API issued', zh: 'cursor 不是本 API 签发的游标' },
  { en: '{field} must be a UUID', zh: '{field} 必须是 UUID' },
  { en: 'A record with the same unique value already exists ({constraint})', zh: '已存在具有相同唯一值的记录（{constraint}）' },
  { en: 'The record refers to, or is referred to by, another record ({constraint})', zh: '该记录引用了另一条记录，或被另一条记录引用（{constraint}）' },
  { en: 'The record was changed concurrently; try again', zh: '该记录正被同时修改，请重试' },
  { en: 'The database took too long to answer', zh: '数据库响应超时' },
  { en: 'The database is unavailable; try again shortly', zh: '数据库暂不可用，请稍后重试' },
  { en: 'The database does not answer', zh: '数据库无响应' },
  { en: 'An unexpected fault occurred; it has been logged', zh: '发生意外故障，已记录' },
  { en: 'ThrottlerException: Too Many Requests', zh: '请求过于频繁，请稍后再试' },
  { en: 'Too Many Requests', zh: '请求过于频繁，请稍后再试' },
  { en: 'At most {limit} documents a minute per user; try again in {seconds} s', zh: '每位用户每分钟最多获取 {limit} 份文书，请在 {seconds} 秒后再试' },
  { en: 'Cannot {method} {path}', zh: '不存在的地址：{method} {path}' },
  { en: 'Request body is too large', zh: '请求内容过大' },
  { en: "Body cannot be empty when content-type is set to 'application/json'", zh: '内容类型为 application/json 时请求体不能为空' },
  { en: 'Unsupported Media Type: {type}', zh: '不支持的内容类型：{type}' },
  { en: 'Unsupported Media Type', zh: '不支持的内容类型' },
  { en: 'The web app is not built: run npm run build:web', zh: '网页应用尚未构建：请运行 npm run build:web' },
  { en: '{field} must not contain NUL characters', zh: '{field} 不能包含 NUL 字符' },
  { en: '{field} must be well-formed Unicode (it holds a lone surrogate)', zh: '{field} 必须是格式正确的 Unicode（其中有孤立的代理字符）' },
  { en: 'a field name must not contain NUL characters', zh: '字段名不能包含 NUL 字符' },
  { en: 'a field name must be well-formed Unicode (it holds a lone surrogate)', zh: '字段名必须是格式正确的 Unicode（其中有孤立的代理字符）' },
  { en: '{field} is nested more than {depth} levels deep', zh: '{field} 的嵌套超过 {depth} 层' },
  { en: 'The API is shutting down', zh: '服务正在关闭' },
  { en: 'Sign-in is unavailable for a moment (its rate limit cannot be checked); try again shortly', zh: '登录暂时不可用（无法检查访问频率限制），请稍后再试' },
  { en: '{field} has at most 6 fractional digits of seconds', zh: '{field} 的秒最多有 6 位小数' },
  { en: 'Metrics are not served on this port: set METRICS_TOKEN, or scrape METRICS_PORT', zh: '此端口不提供监控指标：请设置 METRICS_TOKEN，或从 METRICS_PORT 采集' },
  { en: 'Metrics need the bearer token METRICS_TOKEN', zh: '获取监控指标需要 METRICS_TOKEN 持有者令牌' },
  { en: 'updatedSince must be a date-time with an offset, such as 2026-06-15T00:00:00Z', zh: 'updatedSince 须为带时区偏移的日期时间，如 2026-06-15T00:00:00Z' },
  { en: 'text/csv is accepted only by {routes}', zh: '只有 {routes} 接受 text/csv' },
  { en: 'Uploading this file is for {roles}; you are signed in as {role:term}', zh: '上传此文件仅限：{roles}；您当前的身份是{role}' },
];

zhMessages.add({ rules: [...VALIDATION, ...CORE] });
