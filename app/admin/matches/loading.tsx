import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <p role="status" aria-live="polite" className="p-6 text-stone-600">
      {t("loading")}
    </p>
  );
}
