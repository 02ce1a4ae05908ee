"use client";
// Form-level outcome: an alert for a failure (message key translated with its
// params), a status for success.
import type { ReactNode } from "react";
import type { TActionResult } from "@/lib/http/result";
import { type TMessageParams, useTranslateMessage } from "./use-translate-message";

export function FormMessage({ message, params, tone = "error" }: { message: string; params?: TMessageParams; tone?: "error" | "info" }) {
  const translate = useTranslateMessage();
  const styles = tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {translate(message, params)}
    </p>
  );
}

/** The failure of an action result, if any. */
export function FormError({ result }: { result: TActionResult<unknown> | null }) {
  if (!result || result.ok) return null;
  return <FormMessage message={result.message} params={result.params} />;
}

export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
      {children}
    </p>
  );
}
