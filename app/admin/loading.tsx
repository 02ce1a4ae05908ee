// Shown while an admin page's data loads (the dashboard computes its figures per visit).
import { getTranslations } from "next-intl/server";

export default async function AdminLoading() {
  const t = await getTranslations("admin.home");
  return (
    <p role="status" aria-live="polite" className="rounded-xl border border-stone-200 bg-white p-6 text-stone-700">
      {t("loading")}
    </p>
  );
}
