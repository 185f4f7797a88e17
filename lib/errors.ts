import type { MessageKey } from "@/lib/i18n/keys";

// Errors meant for people carry a message key (lib/i18n/messages); anything else is logged and shown as a generic failure.

export class PublicError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = "PublicError";
  }
}

/** Not there, or not yours: the two look the same from outside. */
export class NotFoundError extends PublicError {
  constructor() {
    super("errors.notFound");
    this.name = "NotFoundError";
  }
}

/** A member whose role does not allow this. */
export class ForbiddenError extends PublicError {
  constructor() {
    super("errors.forbidden");
    this.name = "ForbiddenError";
  }
}

/** The organisation requires a second factor and this member has none yet: the pages send them to set one up. */
export class SecondFactorRequiredError extends ForbiddenError {
  constructor() {
    super();
    this.name = "SecondFactorRequiredError";
  }
}
