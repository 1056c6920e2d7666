import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetails, RateLimit } from '@app/core';
import { Allow, Public } from '../access/access.decorators';
import { Actor, CurrentActor } from '../access/actor';
import { ALL_ROLES } from '../access/roles';
import { LoginRequest, MeView, RefreshRequest, TokenPair } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @RateLimit('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'login', summary: 'Sign in; repeated failures slow the address down and lock the account for 15 minutes, except from addresses with no failures' })
  @ApiOkResponse({ type: TokenPair })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'Wrong credentials, locked account or too many failures (one answer for all), or a disabled account' })
  login(@Body() request: LoginRequest, @Ip() clientIp: string): Promise<TokenPair> {
    return this.auth.login(request.username, request.password, clientIp);
  }

  @Post('auth/refresh')
  @Public()
  @RateLimit('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'refreshTokens', summary: 'Exchange a refresh token for new tokens (the old one stops working)' })
  @ApiOkResponse({ type: TokenPair })
  @ApiUnauthorizedResponse({ type: ProblemDetails })
  refresh(@Body() request: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(request.refreshToken);
  }

  /** Holding the refresh token is enough to end its sign-in, so an expired access token does not stop a logout. */
  @Post('auth/logout')
  @Public()
  @RateLimit('login')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'logout', summary: 'End the sign-in the refresh token belongs to' })
  @ApiNoContentResponse()
  logout(@Body() request: RefreshRequest): Promise<void> {
    return this.auth.logout(request.refreshToken);
  }

  @Get('me')
  @Allow(...ALL_ROLES)
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user, with bureau and reach' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor): Promise<MeView> {
    return this.auth.me(actor);
  }
}
