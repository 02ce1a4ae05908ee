// Shown while a list of interests, saved listings or leads loads (the pages read the database on every visit).
import { getTranslations } from "next-intl/server";

export async function ListLoading() {
  const t = await getTranslations("common");
  return (
    <p role="status" aria-live="polite" className="mx-auto max-w-3xl animate-pulse rounded border border-stone-200 bg-white p-6 text-stone-600">
      {t("loading")}
    </p>
  );
}
