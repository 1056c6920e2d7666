import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { FieldProblem } from '@app/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's "safely unguessable" (about 10^10 guesses): no common or leaked password, pattern or their variations. */
const MIN_SCORE = 3;

/**
 * zxcvbn-ts with its language-independent lists only: common and leaked passwords, diceware
 * words and keyboard layouts. Its English dictionaries would add about 18 MB of heap to a process
 * limited to 192 MB, for little: they mostly rate down English phrases.
 */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** The user's own details, so that a password made of them is refused. */
export interface PasswordOwner {
  username?: string | null;
  displayName?: string | null;
  email?: string | null;
}

interface PasswordRule {
  name: string;
  passes(password: string, owner: PasswordOwner): boolean;
  message: string;
}

const RULES: PasswordRule[] = [
  {
    name: 'passwordLength',
    passes: (password) => password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH,
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  },
  {
    name: 'passwordWithoutUsername',
    passes: (password, owner) => {
      const username = owner.username?.trim().toLowerCase();
      return !username || !password.toLowerCase().includes(username);
    },
    message: 'password must not contain the username',
  },
  {
    name: 'passwordUnguessable',
    passes: (password, owner) => {
      const own = [owner.username, owner.displayName, owner.email, owner.email?.split('@')[0]];
      return zxcvbn.check(password, own.filter((s): s is string => !!s && s.length > 0)).score >= MIN_SCORE;
    },
    message:
      'password is too easy to guess: it is, or is close to, a common or leaked password, a keyboard pattern, a sequence or your own details; use a longer passphrase of unrelated words',
  },
];

/** The first rule the password breaks, or undefined. */
function brokenRule(password: string, owner: PasswordOwner): PasswordRule | undefined {
  return RULES.find((rule) => !rule.passes(password, owner));
}

/**
 * The password policy, wherever a password is set: 12 to 256 characters, not containing the
 * username, not guessable. Field-level problems (their Chinese is in the auth lib's message catalogue).
 */
export function passwordProblems(password: string, owner: PasswordOwner, field = 'password'): FieldProblem[] {
  const rule = brokenRule(password, owner);
  return rule ? [{ field, message: rule.message }] : [];
}

/**
 * The policy as a class-validator decorator, so that a request's other bad fields are reported
 * with it; the owner is taken from the request body's username, displayName and email where it
 * has them (a service that sets the password of a stored user checks again with its details).
 * Only the first broken rule is reported.
 */
export function PasswordPolicy(): PropertyDecorator {
  const ownerOf = (args: ValidationArguments): PasswordOwner => {
    const body = args.object as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
    return { username: text('username'), displayName: text('displayName'), email: text('email') };
  };
  return applyDecorators(
    ...RULES.map((rule) =>
      ValidateBy(
        {
          name: rule.name,
          validator: {
            validate: (value: unknown, args?: ValidationArguments) =>
              typeof value !== 'string' || !args || brokenRule(value, ownerOf(args)) !== rule,
            defaultMessage: () => rule.message,
          },
        },
      ),
    ),
  );
}
