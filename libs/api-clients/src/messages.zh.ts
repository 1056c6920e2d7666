import { ZhMessageSet } from '@app/core';

/** Chinese for the API clients' messages, and for the access guard's words to clients. */
export const API_CLIENTS_ZH: ZhMessageSet = {
  terms: { 'API client': 'API 客户端', active: '启用', disabled: '停用' },
  rules: [
    { en: 'An API client named {name} already exists', zh: '已存在名为 {name} 的 API 客户端' },
    { en: 'name must be lower-case letters, digits and dashes, such as fujian-gov-platform', zh: '名称只能由小写字母、数字和连字符组成，如 fujian-gov-platform' },
    { en: 'This route is for registered API clients (OAuth 2.0 client credentials), not for signed-in people', zh: '此接口仅供已注册的 API 客户端（OAuth 2.0 客户端凭据）使用，不供登录用户使用' },
    { en: 'A client token is needed: POST /api/auth/token with grant_type=client_credentials', zh: '需要客户端令牌：请以 grant_type=client_credentials 调用 POST /api/auth/token' },
    { en: 'The client token is no longer valid: the client is disabled or its secret was rotated', zh: '客户端令牌已失效：客户端已停用或其密钥已更换' },
    { en: 'This route needs the scope {scope}', zh: '此接口需要权限范围 {scope}' },
  ],
};
