import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntroduceMatchButton } from "@/components/admin/introduce-match-button";
import { MatchReviewQueue, type TReviewCard } from "@/components/admin/match-review-queue";
import { buttonClass } from "@/components/ui/button-class";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { getSectorTaxonomy, sectorName } from "@/lib/listings/sector-taxonomy";
import { renderReasons } from "@/lib/matching/render";
import { REVIEW_AGES, ZReviewFilters } from "@/lib/matching/review-filters";
import { countSuggestedMatches, listAgencyOptions, listReviewMatches, type TReviewMatchDto, type TReviewView } from "@/lib/matching/review-queries";
import { formatMoneyCompact } from "@/lib/money/format";
import { listSectorsForPicker } from "@/lib/sectors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminMatches");
  return { title: t("title") };
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AdminMatchesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("ADMIN");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const raw = await searchParams;
  const view: TReviewView = first(raw.view) === "reviewed" ? "reviewed" : "queue";
  const parsed = ZReviewFilters.safeParse({ sector: first(raw.sector), agencyId: first(raw.agencyId), minScore: first(raw.minScore), age: first(raw.age) });
  const filters = parsed.success ? parsed.data : {};
  const cursor = first(raw.cursor) || undefined;
  const [page, waiting, taxonomy, sectorGroups, agencies, t, tRoot, tEnums, format] = await Promise.all([
    listReviewMatches(actor, { view, filters, cursor, locale }),
    countSuggestedMatches(filters),
    getSectorTaxonomy(),
    listSectorsForPicker(locale),
    listAgencyOptions(locale),
    getTranslations("adminMatches"),
    getTranslations(),
    getTranslations("enums"),
    getFormatter(),
  ]);
  const slugOf = new Map(taxonomy.nodes.map((node) => [node.id, node.slug]));
  const nameOf = (id: string) => {
    const node = taxonomy.byId.get(id);
    return node ? sectorName(node, locale) : "";
  };
  const reasonContext = {
    locale,
    sectorName: nameOf,
    enumLabel: (kind: "province" | "instrument" | "stage", value: string) => tEnums(`${kind}.${value}`),
  } as const;
  const translate = (key: string, values: Record<string, string | number>) => tRoot(key, values);
  const usd = (cents: string | null) => (cents === null ? null : formatMoneyCompact(BigInt(cents), "USD", locale));
  const now = new Date();
  const list = new Intl.ListFormat(locale, { style: "narrow", type: "conjunction" });
  const joined = (items: string[]) => list.format(items.filter(Boolean));

  function ticketOf(item: TReviewMatchDto): string {
    const min = usd(item.investor.ticketMinUsdCents);
    const max = usd(item.investor.ticketMaxUsdCents);
    if (min && max) return t("ticketRange", { min, max });
    if (min) return t("ticketAtLeast", { min });
    if (max) return t("ticketAtMost", { max });
    return t("notStated");
  }

  const toCard = (item: TReviewMatchDto): TReviewCard => ({
    id: item.id,
    score: item.score,
    age: format.relativeTime(new Date(item.createdAt), now),
    reasons: renderReasons(item.reasons, translate, reasonContext),
    previousRejection: item.reviewNote,
    investor: {
      name: item.investor.name,
      organization: item.investor.organization,
      email: item.investor.email,
      sectors: joined(item.investor.sectorIds.map(nameOf)) || t("notStated"),
      ticket: ticketOf(item),
      location: item.investor.anywhereInPakistan
        ? t("anywhere")
        : joined([...item.investor.provinces.map((province) => tEnums(`province.${province}`)), ...item.investor.districts]) || t("notStated"),
    },
    listing: {
      id: item.listing.id,
      title: item.listing.title,
      agency: item.listing.agencyName,
      sectors: joined(item.listing.sectorIds.map(nameOf)) || t("notStated"),
      amount: usd(item.listing.amountUsdCents) ?? t("notStated"),
      location: [item.listing.district, item.listing.province ? tEnums(`province.${item.listing.province}`) : t("nationwide")].filter(Boolean).join(", "),
      stage: tEnums(`stage.${item.listing.stage}`),
    },
  });

  const filterParams = new URLSearchParams();
  filterParams.set("view", view);
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) filterParams.set(key, String(value));
  const nextHref = page.nextCursor ? `/admin/matches?${new URLSearchParams([...filterParams, ["cursor", page.nextCursor]])}` : null;
  const tabHref = (target: TReviewView) => `/admin/matches?${new URLSearchParams([...[...filterParams].filter(([key]) => key !== "view"), ["view", target]])}`;
  const selectedSectorSlug = filters.sector ?? "";
  const bulkFilters = { sector: filters.sector, agencyId: filters.agencyId, age: filters.age };

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <nav aria-label={t("views")} className="flex gap-2 border-b border-stone-200">
        {(["queue", "reviewed"] as const).map((target) => (
          <Link
            key={target}
            href={tabHref(target)}
            aria-current={view === target ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${view === target ? "border-brand-600 text-brand-900" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {target === "queue" ? t("tabs.queue", { count: waiting }) : t("tabs.reviewed")}
          </Link>
        ))}
      </nav>

      <form method="get" action="/admin/matches" className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("filters")}>
        <input type="hidden" name="view" value={view} />
        <label className="flex flex-col gap-1">
          <span>{t("filter.sector")}</span>
          <select name="sector" defaultValue={selectedSectorSlug} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("filter.any")}</option>
            {sectorGroups.map((group) => (
              <optgroup key={group.id} label={group.name}>
                <option value={slugOf.get(group.id) ?? ""}>{t("filter.sectorAll", { sector: group.name })}</option>
                {group.children.map((child) => (
                  <option key={child.id} value={slugOf.get(child.id) ?? ""}>
                    {child.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filter.agency")}</span>
          <select name="agencyId" defaultValue={filters.agencyId ?? ""} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("filter.any")}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filter.minScore")}</span>
          <input type="number" name="minScore" min={0} max={100} defaultValue={filters.minScore ?? ""} className="w-24 rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filter.age")}</span>
          <select name="age" defaultValue={filters.age ?? ""} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("filter.anyTime")}</option>
            {REVIEW_AGES.map((age) => (
              <option key={age} value={age}>
                {t(`filter.ages.${age}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter.apply")}
        </button>
        <Link href={`/admin/matches?view=${view}`} className="py-2 text-brand-700 underline">
          {t("filter.clear")}
        </Link>
      </form>
      {!parsed.success && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("filter.invalid")}
        </p>
      )}

      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="review-empty">
          {view === "queue" ? t("emptyQueue") : t("emptyReviewed")}
        </p>
      ) : view === "queue" ? (
        <MatchReviewQueue key={cursor ?? "first"} cards={page.items.map(toCard)} filters={bulkFilters} defaultMinScore={filters.minScore ?? 80} />
      ) : (
        <ol className="space-y-3" data-testid="reviewed-list">
          {page.items.map((item) => (
            <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-semibold">
                    {t("cardTitle", { investor: item.investor.name, listing: item.listing.title })}
                  </p>
                  <p className="text-stone-600">
                    {t("decision", {
                      status: item.status,
                      name: item.reviewedByName ?? "—",
                      at: item.reviewedAt ? format.dateTime(new Date(item.reviewedAt), { dateStyle: "medium", timeStyle: "short" }) : "—",
                    })}
                  </p>
                  {item.introducedAt && (
                    <p className="text-stone-600">
                      {t("introducedBy", {
                        name: item.introducedByName ?? "—",
                        at: format.dateTime(new Date(item.introducedAt), { dateStyle: "medium", timeStyle: "short" }),
                      })}
                    </p>
                  )}
                  {item.reviewNote && <p className="mt-1 text-stone-800">{t("note", { note: item.reviewNote })}</p>}
                </div>
                <div className="text-right">
                  <p className="text-lg font-semibold text-brand-900">{t("score", { score: item.score })}</p>
                  {item.status === "APPROVED" && (
                    <IntroduceMatchButton matchId={item.id} title={item.listing.title} investor={item.investor.name} agency={item.listing.agencyName} />
                  )}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}

      <KeysetPager label={t("pagination")} firstHref={cursor ? `/admin/matches?${filterParams}` : null} nextHref={nextHref} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
    </div>
  );
}
