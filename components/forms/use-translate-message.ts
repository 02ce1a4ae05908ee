"use client";
// Messages from lib/ are catalog keys ("errors.field.required"); anything else
// (a server's plain text) is shown as it is.
import { useTranslations } from "next-intl";
import { useCallback } from "react";

export type TMessageParams = Record<string, string | number>;

export function useTranslateMessage(): (message: string, params?: TMessageParams) => string {
  const t = useTranslations();
  return useCallback(
    (message: string, params?: TMessageParams) => {
      if (!message.startsWith("errors.")) return message;
      // errors.internal reads its {requestId} with a select: "none" when there is none.
      const values = { requestId: "none", ...params };
      return t.has(message) ? t(message, values) : t("errors.internal", values);
    },
    [t],
  );
}
