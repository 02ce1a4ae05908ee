"use client";
// After a rejected submission, keyboard and screen-reader users land on the
// first field that needs attention instead of at the top of the page.
import { type RefObject, useEffect } from "react";
import type { TActionResult } from "@/lib/http/result";

export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, result: TActionResult<unknown> | null) {
  useEffect(() => {
    if (!result || result.ok) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, result]);
}
