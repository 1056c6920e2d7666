import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { JwtStrategy } from './jwt.strategy';
import { LiveSessions } from './live-sessions';
import { RoutePolicies } from './route-policies';
import { ClientTokens } from './client-tokens';

/**
 * Who may call what: the bottom lib every domain's routes use (decorators, Actor, applyScope) and
 * the guard the API installs globally. It knows tokens and live sessions, not users: signing in
 * and managing users is @app/auth, which sits above the domains it needs.
 */
@Module({
  imports: [PassportModule, JwtModule.register({}), DiscoveryModule],
  providers: [JwtStrategy, LiveSessions, AccessGuard, AccessTokens, RoutePolicies, ClientTokens],
  exports: [AccessGuard, AccessTokens, RoutePolicies, LiveSessions, JwtModule, ClientTokens],
})
export class AccessModule {}
