// Domain errors that every caller (route handler, server action, CLI) can turn into its own
// kind of answer: a problem+json response, an inline form message, an exit code.

/** The input is understood but not acceptable; `field` names what to fix. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** The object does not exist for this team (or at all: callers must not tell the difference). */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends Error {
  constructor(message = "Your role in this team does not allow this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}
