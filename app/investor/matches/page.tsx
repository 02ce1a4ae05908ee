import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyList } from "@/components/ui/empty-list";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeading } from "@/components/ui/page-heading";
import { buttonClass } from "@/components/ui/button-class";
import { requirePageRole } from "@/lib/auth/current";
import { getSectorTaxonomy, sectorName } from "@/lib/listings/sector-taxonomy";
import { formatMoneyCompact } from "@/lib/money/format";
import { DISMISS_REASON_MAX } from "@/lib/matching/mutations";
import { listMyMatches, MY_MATCH_SORTS, MY_MATCH_STATUSES } from "@/lib/matching/queries";
import { renderReasons } from "@/lib/matching/render";
import { ZMyMatchesQuery } from "@/lib/matching/schemas";
import { findMyInterestsFor } from "@/lib/interests/queries";
import { dismissMatchAction } from "./actions";
import { MatchInterest } from "@/components/interests/match-interest";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("matching.mine");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function MyMatchesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("INVESTOR");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const raw = await searchParams;
  const parsed = ZMyMatchesQuery.safeParse({ sort: first(raw.sort) || undefined, status: first(raw.status) || undefined, cursor: first(raw.cursor) || undefined });
  const query = parsed.success ? parsed.data : ZMyMatchesQuery.parse({});
  const [page, taxonomy, t, tRoot, tEnums] = await Promise.all([
    listMyMatches(actor, { ...query, locale }),
    getSectorTaxonomy(),
    getTranslations("matching.mine"),
    getTranslations(),
    getTranslations("enums"),
  ]);
  const interests = await findMyInterestsFor(actor, page.items.map((match) => match.listing.id));
  const context = {
    locale,
    sectorName: (id: string) => {
      const node = taxonomy.byId.get(id);
      return node ? sectorName(node, locale) : "";
    },
    enumLabel: (kind: "province" | "instrument" | "stage", value: string) => tEnums(`${kind}.${value}`),
  } as const;
  const translate = (key: string, values: Record<string, string | number>) => tRoot(key, values);
  const filterParams = new URLSearchParams();
  filterParams.set("sort", query.sort);
  if (query.status) filterParams.set("status", query.status);
  const nextHref = page.nextCursor ? `/investor/matches?${new URLSearchParams([...filterParams, ["cursor", page.nextCursor]])}` : null;
  const error = first(raw.error);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {first(raw.dismissed) === "1" && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("dismissed")}
        </p>
      )}
      {error && /^errors\.\w+$/.test(error) && tRoot.has(error) && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {tRoot(error)}
        </p>
      )}
      <form method="get" action="/investor/matches" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span>{t("status")}</span>
          <select name="status" defaultValue={query.status ?? ""} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("statusAll")}</option>
            {MY_MATCH_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("sort")}</span>
          <select name="sort" defaultValue={query.sort} className="rounded border border-stone-300 px-2 py-1">
            {MY_MATCH_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
      </form>

      {page.items.length === 0 ? (
        <EmptyList message={t("empty")} linkHref="/investor/profile" linkLabel={t("emptyLink")} testId="matches-empty" />
      ) : (
        <ol className="space-y-4" data-testid="matches-list">
          {page.items.map((match) => {
            const reasons = renderReasons(match.reasons, translate, context);
            const where = [match.listing.district, match.listing.province ? tEnums(`province.${match.listing.province}`) : t("nationwide")].filter(Boolean).join(", ");
            return (
              <li key={match.id} className="rounded border border-stone-200 bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="text-lg font-semibold">
                      <Link href={`/opportunities/${match.listing.id}`} className="hover:underline">
                        {match.listing.title}
                      </Link>
                    </h2>
                    <p className="text-sm text-stone-600">
                      {tEnums(`kind.${match.listing.kind}`)} · {where}
                    </p>
                    <p className="text-sm text-stone-600">{t("agency", { agency: match.listing.agencyName })}</p>
                    {match.listing.amountUsdCents && (
                      <p className="text-sm text-stone-600">{t("amount", { amount: formatMoneyCompact(BigInt(match.listing.amountUsdCents), "USD", locale) })}</p>
                    )}
                  </div>
                  <div className="text-right">
                    <p className="text-xl font-semibold text-brand-900" aria-label={t("scoreLabel")}>
                      {t("score", { score: match.score })}
                    </p>
                    <p className="text-xs text-stone-600">{t(`statuses.${match.status as (typeof MY_MATCH_STATUSES)[number]}`)}</p>
                  </div>
                </div>
                {reasons.length > 0 && (
                  <div className="mt-3">
                    <h3 className="text-sm font-medium">{t("reasonsTitle")}</h3>
                    <ul className="mt-1 list-disc pl-5 text-sm text-stone-700">
                      {reasons.map((reason, index) => (
                        <li key={index}>{reason}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {match.status !== "DISMISSED" && (
                  <MatchInterest listingId={match.listing.id} interest={interests.get(match.listing.id) ?? null} />
                )}
                {match.status !== "DISMISSED" && (
                  <form action={dismissMatchAction} className="mt-3 flex flex-wrap items-end gap-2 text-sm">
                    <input type="hidden" name="matchId" value={match.id} />
                    <label className="flex grow flex-col gap-1">
                      <span>{t("dismissReason")}</span>
                      <input name="reason" maxLength={DISMISS_REASON_MAX} className="rounded border border-stone-300 px-2 py-1" />
                    </label>
                    <button type="submit" className={buttonClass("secondary")}>
                      {t("dismiss")}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <KeysetPager firstHref={query.cursor ? `/investor/matches?${filterParams}` : null} nextHref={nextHref} firstLabel={t("first")} nextLabel={t("next")} />
    </div>
  );
}
