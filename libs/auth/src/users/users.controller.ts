import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { PasswordResetsService } from './password-resets.service';
import { CreateUserRequest, PasswordResetLink, UpdateUserRequest, UserQuery, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly passwordResets: PasswordResetsService,
  ) {}

  @Get()
  @Allow('system_admin', 'bureau_admin')
  @ApiOperation({ summary: 'Users: all for a system admin, its own bureau\'s for a bureau admin' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@CurrentActor() actor: Actor, @Query() query: UserQuery) {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Allow('system_admin', 'bureau_admin')
  @ApiOperation({ summary: 'One user (404 outside the bureau admin\'s bureau)' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.get(actor, id);
  }

  @Post()
  @Allow('system_admin', 'bureau_admin')
  @ApiOperation({ summary: 'Create a user; a bureau admin creates bureau admins and inspectors of its own bureau' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentActor() actor: Actor, @Body() request: CreateUserRequest) {
    return this.users.create(actor, request);
  }

  @Post(':id/unlock')
  @Allow('system_admin', 'bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End a sign-in lockout: the account lock and the waiting time of every address (audited)' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  unlock(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.unlock(actor, id);
  }

  @Post(':id/password-reset')
  @Allow('system_admin', 'bureau_admin')
  @ApiOperation({
    operationId: 'issuePasswordReset',
    summary: 'A one-time link for the user to choose a new password (valid 24 hours; earlier links stop working). Hand it to the user; the password itself is never shown to anyone',
  })
  @ApiCreatedResponse({ type: PasswordResetLink })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The account is disabled' })
  issuePasswordReset(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PasswordResetLink> {
    return this.passwordResets.issue(actor, id);
  }

  @Patch(':id')
  @Allow('system_admin', 'bureau_admin')
  @ApiOperation({ summary: 'Change a user: name, email, role, status, password, unlock (send the version you read)' })
  @ApiOkResponse({ type: UserView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The version is stale' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateUserRequest) {
    return this.users.update(actor, id, request);
  }
}
