import { Body, Controller, Header, HttpCode, HttpStatus, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, ProblemDetails, Problems, RateLimit, ReadRoute, StepRoute } from '@app/core';
import { Actor, ALL_ROLES, Allow, CurrentActor, Public } from '@app/access';
import { LoginRequest, MeView, RefreshRequest, TokenPair } from './auth.dto';
import { AuthService } from './auth.service';
import { PasswordResetsService } from '../users/password-resets.service';
import { CompletePasswordResetRequest } from '../users/users.dto';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie, WEB_CLIENT_HEADER } from './refresh-cookie';

const WEB_CLIENT = { name: 'X-Registry-Client', required: false, description: '`web` when the refresh token is the registry_refresh cookie' };
const WEB_CLIENT_LOGIN = { name: 'X-Registry-Client', required: false, description: '`web`, required with `session: cookie`' };

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly passwordResets: PasswordResetsService,
  ) {}

  @StepRoute('auth/login', { operationId: 'login', summary: 'Sign in; repeated failures slow the address down and lock the account for 15 minutes, except from addresses with no failures. `session: cookie` keeps the refresh token in an httpOnly cookie', type: TokenPair })
  @Public()
  @RateLimit('login')
  @Header('cache-control', 'no-store')
  @ApiHeader(WEB_CLIENT_LOGIN)
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'Wrong credentials, locked account or too many failures (one answer for all), or a disabled account' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'From another site (Origin, Sec-Fetch-Site), or `session: cookie` without X-Registry-Client: web' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDetails, description: 'A body that is not application/json (what an HTML form of another site would send)' })
  async login(@Body() request: LoginRequest, @Ip() clientIp: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    // As for refresh and logout: only the web app, whose header forces a CORS preflight, gets the cookie.
    if (request.session === 'cookie' && req.headers[WEB_CLIENT_HEADER] !== 'web') {
      throw Problems.forbidden('A cookie session is given only with the header X-Registry-Client: web', 'web-client-header-required');
    }
    const tokens = await this.auth.login(request.username, request.password, clientIp);
    if (request.session !== 'cookie') return tokens;
    return this.intoCookie(req, reply, tokens);
  }

  @Post('auth/password-reset')
  @Public()
  @RateLimit('login')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'completePasswordReset', summary: 'Choose a new password with a one-time reset link; every sign-in of the account ends' })
  @ApiNoContentResponse({ description: 'The new password is set' })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'The link is used, replaced or expired, or the password breaks the policy' })
  async completePasswordReset(@Body() request: CompletePasswordResetRequest): Promise<void> {
    await this.passwordResets.complete(request.token, request.newPassword);
  }

  @StepRoute('auth/refresh', { operationId: 'refreshTokens', summary: 'Exchange a refresh token (body, or the web app\'s cookie) for new tokens; the old one stops working', type: TokenPair })
  @Public()
  @RateLimit('login')
  @Header('cache-control', 'no-store')
  @ApiHeader(WEB_CLIENT)
  @ApiUnauthorizedResponse({ type: ProblemDetails })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'The cookie came without X-Registry-Client: web' })
  async refresh(@Body() request: RefreshRequest, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    const presented = presentedRefreshToken(req, request.refreshToken);
    if (!presented) throw Problems.unauthorized('No refresh token: send refreshToken, or sign in again', 'no-refresh-token');
    if (!presented.fromCookie) return this.auth.refresh(presented.token);
    try {
      // Only the cookie gets the rotation grace: a reload can abort the web app's refresh in flight.
      return this.intoCookie(req, reply, await this.auth.refresh(presented.token, { grace: true }));
    } catch (error) {
      // A refused cookie is of no further use; the browser should not keep sending it.
      clearRefreshCookie(req, reply);
      throw error;
    }
  }

  /** Holding the refresh token is enough to end its sign-in, so an expired access token does not stop a logout. */
  @Post('auth/logout')
  @Public()
  @RateLimit('login')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Header('cache-control', 'no-store')
  @ApiHeader(WEB_CLIENT)
  @ApiOperation({ operationId: 'logout', summary: 'End the sign-in the refresh token (body, or the web app\'s cookie) belongs to' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'Neither a refresh token nor the cookie' })
  async logout(@Body() request: RefreshRequest, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const presented = presentedRefreshToken(req, request.refreshToken);
    if (!presented) throw Problems.unauthorized('No refresh token: send refreshToken, or sign in again', 'no-refresh-token');
    await this.auth.logout(presented.token);
    if (presented.fromCookie) clearRefreshCookie(req, reply);
  }

  @ReadRoute('me', { operationId: 'getMe', summary: 'The signed-in user, with bureau or agency, reach and unread notifications', type: MeView })
  @Allow(...ALL_ROLES)
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }

  private intoCookie(req: FastifyRequest, reply: FastifyReply, tokens: Required<TokenPair>): TokenPair {
    const { refreshToken, ...rest } = tokens;
    setRefreshCookie(req, reply, refreshToken, this.config.get('REFRESH_TOKEN_TTL_DAYS') * 86_400);
    return rest;
  }
}
