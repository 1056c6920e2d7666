export * from './access';
export * from './access/access.guard';
export * from './access/route-policies';
export * from './auth.module';
export * from './users/users.service';
export * from './users/user.entity';
export * from './users/users.dto';
export * from './login/passwords';
