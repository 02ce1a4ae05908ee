import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SaveListingButton } from "@/components/interests/save-listing-button";
import { EmptyList } from "@/components/ui/empty-list";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { listSavedListings } from "@/lib/saved-listings/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("interests.saved");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SavedListingsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const cursor = (await searchParams).cursor;
  const [page, t, format] = await Promise.all([
    listSavedListings(actor, { cursor: typeof cursor === "string" ? cursor : undefined, locale }),
    getTranslations("interests.saved"),
    getFormatter(),
  ]);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {page.items.length === 0 ? (
        <EmptyList message={t("empty")} linkHref="/opportunities" linkLabel={t("emptyLink")} testId="saved-empty" />
      ) : (
        <ul className="space-y-3" data-testid="saved-list">
          {page.items.map((item) => (
            <li key={item.listingId} className="flex flex-wrap items-start justify-between gap-3 rounded border border-stone-200 bg-white p-4" data-testid="saved-item">
              <div className="space-y-1">
                <h2 className="text-lg font-semibold">
                  {item.status === "PUBLISHED" ? (
                    <Link href={`/opportunities/${item.listingId}`} className="hover:underline">
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </h2>
                <p className="text-sm text-stone-600">
                  {item.agencyName} · {t("savedOn", { date: format.dateTime(item.savedAt, { dateStyle: "medium" }) })}
                </p>
                {item.updatedSinceSeen && (
                  <p className="inline-block rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900" data-testid="saved-updated">
                    {t("updated")}
                  </p>
                )}
                {item.status === "CLOSED" && <p className="text-sm text-stone-700">{t("closed")}</p>}
              </div>
              <SaveListingButton listingId={item.listingId} saved />
            </li>
          ))}
        </ul>
      )}
      <KeysetPager
        firstHref={typeof cursor === "string" ? "/investor/saved" : null}
        nextHref={page.nextCursor ? `/investor/saved?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        firstLabel={t("first")}
        nextLabel={t("next")}
      />
    </div>
  );
}
