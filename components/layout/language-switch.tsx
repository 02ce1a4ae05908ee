import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";
import type { TLocale } from "@/lib/i18n/config";

const LABELS: Record<TLocale, string> = { en: "English", ja: "日本語" };

/** Works without JavaScript: each language is a submit button of a small form. */
export async function LanguageSwitch({ current }: { current: TLocale }) {
  const t = await getTranslations("common");
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t("language")}>
      {(Object.keys(LABELS) as TLocale[]).map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          aria-pressed={locale === current}
          lang={locale}
          className={
            locale === current
              ? "rounded bg-brand-600 px-2 py-1 text-white"
              : "rounded px-2 py-1 text-brand-700 hover:bg-brand-50"
          }
        >
          {LABELS[locale]}
        </button>
      ))}
    </form>
  );
}
