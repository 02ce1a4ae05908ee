"use client";
// useActionState for the "use server" wrappers, plus what the user typed: React 19
// resets a form after its action, so inputs take their defaultValue from the last
// submission and a rejected form comes back as it was. Secrets (passwords, codes)
// are not kept, so they are never written back into the page.
import { useActionState } from "react";
import type { TActionResult } from "@/lib/http/result";

export type TFormValues = Record<string, string>;
export type TFormState<T> = { result: TActionResult<T> | null; values: TFormValues };
type TServerAction<T> = (previous: unknown, formData: FormData) => Promise<TActionResult<T>>;

const SECRET_FIELD = /password|code|token/i;

function submittedValues(formData: FormData): TFormValues {
  const values: TFormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

export function useFormAction<T>(action: TServerAction<T>, initialValues: TFormValues = {}) {
  return useActionState<TFormState<T>, FormData>(
    async (previous, formData) => {
      const result = await action(previous.result, formData);
      return { result, values: { ...initialValues, ...submittedValues(formData) } };
    },
    { result: null, values: initialValues },
  );
}

/** The messages for one field of a failed result. */
export function fieldErrors(result: TActionResult<unknown> | null, name: string): string[] | undefined {
  if (!result || result.ok) return undefined;
  return result.fieldErrors?.[name];
}
