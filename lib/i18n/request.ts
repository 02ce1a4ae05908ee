// next-intl without locale prefixes: the reader's choice lives in a cookie
// (set by the language switch), falling back to Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type TLocale } from "./config";
import en from "./messages/en.json";
import ja from "./messages/ja.json";

const MESSAGES = { en, ja } as const;

export async function resolveLocale(): Promise<TLocale> {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: MESSAGES[locale], timeZone: locale === "ja" ? "Asia/Tokyo" : "Asia/Karachi" };
});
