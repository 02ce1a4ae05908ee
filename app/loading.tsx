import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <p role="status" className="animate-pulse py-16 text-center text-stone-500">
      {t("loading")}
    </p>
  );
}
