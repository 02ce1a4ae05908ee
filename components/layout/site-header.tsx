import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const locale = await getLocale();
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-baseline gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden="true" className="text-accent-500">絆</span>
          <span>Kizuna</span>
        </Link>
        <nav aria-label={t("primary")} className="flex items-center gap-4 text-sm">
          <Link href="/" className="hover:underline">
            {t("home")}
          </Link>
          <LanguageSwitch current={locale === "ja" ? "ja" : "en"} />
        </nav>
      </div>
    </header>
  );
}
