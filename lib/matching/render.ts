// Match reasons (derived on read, explain.ts) → display strings in the reader's
// language. The input is checked item by item, as it may have travelled as JSON:
// an unknown or malformed reason is skipped, never shown raw.
import type { TLocale } from "@/lib/i18n/config";
import { REASON_CRITERION, reasonMessageValues, renderReasonKey, type TReasonRenderContext } from "./reasons";
import type { TReason } from "./types";

export function wellFormedReasons(value: unknown): TReason[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is TReason =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as { code?: unknown }).code === "string" &&
      Object.hasOwn(REASON_CRITERION, (item as { code: string }).code) &&
      typeof (item as { params?: unknown }).params === "object" &&
      (item as { params?: unknown }).params !== null,
  );
}

/** `translate` is next-intl's root translator (getTranslations() / useTranslations()). */
export function renderReasons(
  reasons: unknown,
  translate: (key: string, values: Record<string, string | number>) => string,
  context: TReasonRenderContext & { locale: TLocale },
): string[] {
  const out: string[] = [];
  for (const reason of wellFormedReasons(reasons)) {
    try {
      out.push(translate(renderReasonKey(reason), reasonMessageValues(reason, context)));
    } catch {
      // A reason whose params do not fit its message is left out rather than breaking the page.
    }
  }
  return out;
}
