/** The few error kinds the product raises, each with a stable code so callers decide without parsing messages. */

export class AppError extends Error {
  constructor(readonly code: string, message: string, readonly context: Record<string, unknown> = {}) {
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

/** The actor may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('forbidden', message, context);
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
