import { UserError } from '@wetube/platform';

export interface RegistrationInput {
  email: string;
  password: string;
  displayName: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a registration before anything is written; returns every problem found. */
export function validateRegistration(input: RegistrationInput): UserError[] {
  const errors: UserError[] = [];
  const email = (input.email ?? '').trim();
  if (!EMAIL.test(email) || email.length > 254) errors.push(UserError.of('email', 'Enter a valid email address.', 'INVALID_EMAIL'));
  const password = input.password ?? '';
  if (password.length < 8) errors.push(UserError.of('password', 'Use at least 8 characters for the password.', 'PASSWORD_TOO_SHORT'));
  if (password.length > 128) errors.push(UserError.of('password', 'Use at most 128 characters for the password.', 'PASSWORD_TOO_LONG'));
  const name = (input.displayName ?? '').trim();
  if (name.length < 1) errors.push(UserError.of('displayName', 'Enter a display name.', 'DISPLAY_NAME_REQUIRED'));
  if (name.length > 80)
    errors.push(UserError.of('displayName', 'Use at most 80 characters for the display name.', 'DISPLAY_NAME_TOO_LONG'));
  return errors;
}
