import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyList } from "@/components/ui/empty-list";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { durationParts } from "@/lib/interests/duration";
import { listMyInterests } from "@/lib/interests/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("interests.mine");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyInterestsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const cursor = (await searchParams).cursor;
  const [page, t, tRoot, format] = await Promise.all([
    listMyInterests(actor, { cursor: typeof cursor === "string" ? cursor : undefined, locale }),
    getTranslations("interests.mine"),
    getTranslations("interests"),
    getFormatter(),
  ]);
  const now = Date.now();
  const duration = (ms: number) => {
    const { unit, count } = durationParts(ms);
    return tRoot(`duration.${unit}`, { count });
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {page.items.length === 0 ? (
        <EmptyList message={t("empty")} linkHref="/opportunities" linkLabel={t("emptyLink")} testId="interests-empty" />
      ) : (
        <ul className="space-y-3" data-testid="interests-list">
          {page.items.map((item) => (
            <li key={item.id} className="space-y-2 rounded border border-stone-200 bg-white p-4" data-testid="interest-item">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-lg font-semibold">
                    {item.listing.status === "PUBLISHED" ? (
                      <Link href={`/opportunities/${item.listing.id}`} className="hover:underline">
                        {item.listing.title}
                      </Link>
                    ) : (
                      item.listing.title
                    )}
                  </h2>
                  <p className="text-sm text-stone-600">
                    {t("agency", { agency: item.listing.agencyName })} · {t("sentOn", { date: format.dateTime(item.createdAt, { dateStyle: "medium" }) })}
                  </p>
                </div>
                <p className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-900" data-testid="interest-status">
                  {tRoot(`status.${item.status}`)}
                </p>
              </div>
              <p className="text-sm text-stone-700">
                {item.firstContactAt
                  ? t("answered", { duration: duration(item.firstContactAt.getTime() - item.createdAt.getTime()) })
                  : t("waiting", { duration: duration(now - item.createdAt.getTime()) })}
              </p>
              {item.listing.status === "CLOSED" && <p className="text-sm text-stone-600">{t("closedListing")}</p>}
              {item.message && (
                <details className="text-sm">
                  <summary className="cursor-pointer text-stone-700">{t("yourMessage")}</summary>
                  <p className="mt-1 whitespace-pre-line text-stone-700">{item.message}</p>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <KeysetPager
        firstHref={typeof cursor === "string" ? "/investor/interests" : null}
        nextHref={page.nextCursor ? `/investor/interests?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        firstLabel={t("first")}
        nextLabel={t("next")}
      />
    </div>
  );
}
