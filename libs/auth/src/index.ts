export * from './auth.module';
export * from './users/users.service';
export * from './users/user.entity';
export * from './users/users.dto';
export * from './login/passwords';
export * from './login/sign-in-requests.guard';
export * from './messages.zh';
export * from './users/user-names';
export { ROTATION_GRACE_MS } from './login/refresh-tokens';
