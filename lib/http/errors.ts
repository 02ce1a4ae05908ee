// Maps thrown errors to the result contract. Unexpected errors are logged with a
// request id and never reach the user as a stack trace.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { TActionResult } from "./result";

export type TFailure = Extract<TActionResult<never>, { ok: false }> & { status: number };

export function toFailure(error: unknown): TFailure {
  if (error instanceof AppError) {
    return {
      ok: false,
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.details.fieldErrors ? { fieldErrors: error.details.fieldErrors } : {}),
      ...(error.details.params ? { params: error.details.params } : {}),
    };
  }
  const requestId = randomUUID();
  console.error(`[kizuna] unexpected error (request ${requestId})`, error);
  return { ok: false, status: 500, code: "INTERNAL", message: "errors.internal", params: { requestId } };
}
