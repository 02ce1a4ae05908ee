// Keyset cursors: opaque strings carrying the sort key and id of a page's last
// row, as JSON in base64url. Each list reads back the shape it wrote; a cursor
// that does not decode, or not to that shape, reads as none (null) and the
// caller decides what that means (start again at the top, or a 422).
import { isUuid } from "./validation";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(raw: string | null | undefined, read: (value: unknown) => T | null): T | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  return read(value);
}

/** A string Date.parse understands (what toISOString wrote). */
export const isDateString = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(Date.parse(value));

/** The fields of a JSON object, or null for anything else. */
export function objectFields(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The cursor of a list sorted by an integer (a score) or by a date, then by a row's uuid, which it
 * wrote under `idField`: its key `k` and that uuid, or null for any other shape.
 */
export function readScoreOrDateCursor(value: unknown, idField: string, key: "score" | "date"): { k: number | string; id: string } | null {
  const fields = objectFields(value);
  const id = fields?.[idField];
  if (!fields || !isUuid(id)) return null;
  const valid = key === "score" ? typeof fields.k === "number" && Number.isInteger(fields.k) : isDateString(fields.k);
  return valid ? { k: fields.k as number | string, id } : null;
}
