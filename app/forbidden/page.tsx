import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forbidden");
  return { title: t("title") };
}

// Where requirePageRole sends a signed-in user who may not open a page.
export default async function ForbiddenPage() {
  const t = await getTranslations("forbidden");
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-600">{t("body")}</p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/" className="text-brand-700 underline">
          {t("home")}
        </Link>
        <Link href="/account" className="text-brand-700 underline">
          {t("account")}
        </Link>
      </p>
    </div>
  );
}
