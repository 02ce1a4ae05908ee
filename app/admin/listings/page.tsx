import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListingFieldDiff } from "@/components/admin/listing-field-diff";
import { ModerationActions } from "@/components/admin/moderation-actions";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { listModerationQueue } from "@/lib/listings/moderation-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminListings");
  return { title: t("title") };
}

export default async function AdminListingsPage() {
  await requirePageRole("ADMIN");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const queue = await listModerationQueue(locale);
  const t = await getTranslations("adminListings");
  const te = await getTranslations("enums.kind");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <p role="status" className="text-sm text-stone-600">
        {t("count", { count: queue.total })}
      </p>
      {queue.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-4" data-testid="moderation-queue">
          {queue.items.map((item) => (
            <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <article aria-labelledby={`queue-${item.id}`} className="space-y-3">
                <header className="space-y-1">
                  <h2 id={`queue-${item.id}`} className="text-lg font-semibold">
                    <Link href={`/staff/listings/${item.id}/edit`} className="text-brand-700 underline">
                      {item.title || t("untitled")}
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-600">
                    {t("meta", {
                      kind: te(item.kind),
                      agency: item.agencyName,
                      who: item.submittedBy ?? "—",
                      when: item.submittedAt ? format.dateTime(item.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "—",
                      completeness: item.completeness,
                    })}
                  </p>
                </header>
                <p className="line-clamp-3 text-sm text-stone-800">{item.summary}</p>
                {item.fieldChanges === null || item.publishedVersion === null ? (
                  <p className="text-sm">{t("firstPublication")}</p>
                ) : (
                  <ListingFieldDiff changes={item.fieldChanges} version={item.publishedVersion} locale={locale} />
                )}
                <ModerationActions listing={{ id: item.id, title: item.title || t("untitled") }} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
