import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  constructor(message, where) {
    super(message);
    this.where = where;
  }
  where;
  name = "UserError";
};
function isUserError(error) {
  return error instanceof UserError;
}

export {
  UserError,
  isUserError
};
