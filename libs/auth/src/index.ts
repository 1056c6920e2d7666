export * from './auth.module';
export * from './users/users.service';
export * from './users/user.entity';
export * from './users/users.dto';
export * from './login/passwords';
export * from './messages.zh';
