/**
 * A problem with the user's input (config, data, model, repository state) rather than a bug.
 * Commands exit with status 2 on it and print only the message, which must say what is wrong,
 * where (file, line, column, key), and how to fix it.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly where?: { file?: string; line?: number; column?: string | number; key?: string },
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
