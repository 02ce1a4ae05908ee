import type { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors";

/** zod issues → { field: [messages] } keyed by dotted path ("_form" for the root). */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  const fieldErrors: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: toFieldErrors(result.error) });
  }
  return result.data;
}

/** FormData → plain object; repeated keys become arrays. Values stay strings (schemas coerce). */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * FormData with dotted names ("facts.areaAcres", "incentives.0.name") → nested
 * objects and arrays. Repeated keys become arrays. Empty nested objects whose
 * fields are all empty (e.g. an untouched "investment") are dropped.
 */
export function formDataToNested(formData: FormData): Record<string, unknown> {
  const flat = formDataToObject(formData);
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const isLast = index === parts.length - 1;
      const nextIsIndex = /^\d+$/.test(parts[index + 1] ?? "");
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (isLast) {
        container[slot] = value;
        return;
      }
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return (pruneEmpty(root) as Record<string, unknown> | undefined) ?? {};
}

function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((entry) => entry !== undefined).map(pruneEmpty).filter((entry) => entry !== undefined);
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([key, child]) => [key, pruneEmpty(child)] as const);
    const kept = entries.filter(([, child]) => child !== undefined);
    const meaningful = kept.some(([, child]) => child !== "" && !(Array.isArray(child) && child.length === 0));
    return meaningful ? Object.fromEntries(kept) : undefined;
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed UUID (checked before one reaches a uuid column, where a malformed one would be a database error). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
