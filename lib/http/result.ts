// One result contract for server actions and the JSON API.
import type { TFieldErrors } from "@/lib/errors";

export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: TFieldErrors; params?: Record<string, string | number> };

export type TActionState<T> = TActionResult<T> | null;
