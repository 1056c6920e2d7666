import { ZhMessageSet } from '@app/core';

/** Chinese for the auth lib's messages: sign-in, access and users. */
export const AUTH_ZH: ZhMessageSet = {
  terms: {
    User: '用户',
    system_admin: '系统管理员',
    ministry_official: '部级官员',
    bureau_admin: '局管理员',
    inspector: '检查员',
    agency_user: '机构用户',
  },
  rules: [
    { en: 'Sign in first: the access token is missing', zh: '请先登录：缺少访问令牌' },
    { en: 'Sign in first: the access token is invalid or expired', zh: '请先登录：访问令牌无效或已过期' },
    { en: 'A bureau admin manages the users of its own bureau and the bureaus below it only', zh: '局管理员只能管理本局及下级局的用户' },
    { en: 'This route has no access policy', zh: '此接口未设置访问策略' },
    { en: 'This action is for {roles}; you are signed in as {role:term}', zh: '此操作仅限：{roles}；您当前的身份是{role}' },
    { en: 'Sign in first: the access token is missing, invalid or expired', zh: '请先登录：访问令牌缺失、无效或已过期' },
    { en: 'No refresh token: send refreshToken, or sign in again', zh: '没有刷新令牌：请提供 refreshToken，或重新登录' },
    { en: 'The sign-in cookie is accepted only with the header X-Registry-Client: web', zh: '登录 Cookie 仅在带有请求头 X-Registry-Client: web 时有效' },
    { en: 'This account is locked after repeated failed sign-ins; try again later', zh: '多次登录失败，账户已被锁定，请稍后再试' },
    { en: 'This account is now locked after repeated failed sign-ins; try again later', zh: '多次登录失败，账户现已被锁定，请稍后再试' },
    { en: 'Invalid username or password', zh: '用户名或密码错误' },
    { en: 'This account is disabled', zh: '此账户已停用' },
    { en: 'The signed-in user no longer exists', zh: '当前登录的用户已不存在' },
    { en: 'This refresh token was already used; every session from that sign-in has been ended', zh: '此刷新令牌已被使用过；该次登录的所有会话均已结束' },
    { en: 'The refresh token is invalid, expired or revoked', zh: '刷新令牌无效、已过期或已被撤销' },
    { en: 'username must be 3-64 lowercase letters, digits, dots, dashes or underscores', zh: '用户名须为 3 至 64 个小写字母、数字、点、短横线或下划线' },
    { en: 'You cannot change your own role or disable yourself; ask another administrator', zh: '不能更改自己的角色或停用自己；请联系其他管理员' },
    { en: 'Only a system administrator can create system administrators', zh: '只有系统管理员才能创建系统管理员' },
    { en: 'an agency user needs an agencyId', zh: '机构用户须指定 agencyId' },
    { en: 'a {role:term} needs a bureauId', zh: '{role}须指定 bureauId' },
    { en: 'A bureau admin manages the users of its own bureau only', zh: '局管理员只能管理本局的用户' },
    { en: 'no such bureau', zh: '该局不存在' },
    { en: 'A bureau admin cannot grant the role {role:term}', zh: '局管理员不能授予{role}角色' },
    { en: 'ministry officials belong to the ministry', zh: '部级官员须隶属于部' },
  ],
};
