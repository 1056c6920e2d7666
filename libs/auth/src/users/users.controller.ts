import { Body, Controller, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeRoute, CreateRoute, IdParam, ListRoute, ProblemDetails, ReadRoute, StepRoute } from '@app/core';
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

  @ListRoute(undefined, { summary: 'Users: all for a system admin, its own bureau\'s for a bureau admin', item: UserView })
  @Allow('system_admin', 'bureau_admin')
  list(@CurrentActor() actor: Actor, @Query() query: UserQuery) {
    return this.users.list(actor, query);
  }

  @ReadRoute(':id', { summary: 'One user (404 outside the bureau admin\'s bureau)', type: UserView, notFound: true })
  @Allow('system_admin', 'bureau_admin')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.users.get(actor, id);
  }

  @CreateRoute(undefined, { summary: 'Create a user; a bureau admin creates bureau admins and inspectors of its own bureau', type: UserView })
  @Allow('system_admin', 'bureau_admin')
  create(@CurrentActor() actor: Actor, @Body() request: CreateUserRequest) {
    return this.users.create(actor, request);
  }

  @StepRoute(':id/unlock', { summary: 'End a sign-in lockout: the account lock and the waiting time of every address (audited)', type: UserView, notFound: true })
  @Allow('system_admin', 'bureau_admin')
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

  @ChangeRoute('PATCH', ':id', { summary: 'Change a user: name, email, role, status, password, unlock (send the version you read)', type: UserView, conflict: 'The version is stale' })
  @Allow('system_admin', 'bureau_admin')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateUserRequest) {
    return this.users.update(actor, id, request);
  }
}
