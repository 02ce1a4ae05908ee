// Expected errors carry a code mapped to an HTTP status and a message key a user
// can act on; anything else is unexpected, logged with a request id, and shown
// as a generic message.
export type TErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "CROSS_ORIGIN"
  | "TOTP_REQUIRED"
  | "TOTP_ENROLMENT_REQUIRED";

const STATUS: Record<TErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CROSS_ORIGIN: 403,
  TOTP_REQUIRED: 401,
  TOTP_ENROLMENT_REQUIRED: 403,
};

export type TFieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    /** A message key under "errors" in the catalogs, or plain text for logs. */
    message: string = code,
    readonly details: { fieldErrors?: TFieldErrors; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "errors.unauthenticated");
export const forbidden = () => new AppError("FORBIDDEN", "errors.forbidden");
/** Also used for what exists but may not be seen: never reveal existence. */
export const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
