// Renders a notification's text in one language, outside React (emails, digests,
// API). Pages use next-intl's translator on the same keys.
import { createTranslator } from "next-intl";
import type { TLocale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { describeNotification, type TNotificationPayload } from "./kinds";

const CATALOGS = { en, ja } as const;

export function renderNotificationText(locale: TLocale, kind: string, payload: TNotificationPayload): string {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "notifications.kinds" });
  const view = describeNotification(kind, payload);
  return t(view.key, view.params);
}
