/**
 * The one error family: every error class in the product extends AppError (tests/data/errors.test.ts checks it), so each
 * carries a stable code that callers decide on without parsing messages, and the context it arose in.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input a person gave is not acceptable; the message is safe to show them. */
export class ValidationError extends AppError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('validation', message, context);
  }
}

/** Someone else changed the record first (stale version). */
export class ConflictError extends AppError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('conflict', message, context);
  }
}

/** A service we depend on failed or could not be reached. */
export class UpstreamError extends AppError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('upstream', message, context);
  }
}

/** Stored data cannot be read safely (corrupt or from a newer version); the start must stop. */
export class StoreCorruptError extends AppError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('store-corrupt', message, context);
  }
}

/**
 * The database cannot be reached (stopped, restarting, unreachable, no connection free): the request changed nothing and
 * can be tried again once it is back. `reason` names the failure for an operator, never the connection string.
 */
export class StoreUnavailableError extends AppError {
  constructor(readonly reason: string) {
    super('store-unavailable', `The database cannot be reached (${reason}).`, { reason });
  }
}
