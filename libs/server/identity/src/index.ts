export * from './lib/auth-user';
export * from './lib/identity.module';
export * from './lib/users.service';
export * from './lib/user.entity';
export * from './lib/password';
export * from './lib/auth.service';
export { AcceptsQueryToken } from './lib/auth.guard';
