import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ExpressInterestForm } from "@/components/interests/express-interest-form";
import { SaveListingButton } from "@/components/interests/save-listing-button";
import { ListingCard } from "@/components/listings/listing-card";
import { FactList } from "@/components/opportunities/fact-list";
import { IncentiveList } from "@/components/opportunities/incentive-list";
import { Notice } from "@/components/ui/notice";
import { currentActor } from "@/lib/auth/current";
import { getOpportunity, listSimilarOpportunities } from "@/lib/listings/detail";
import type { TListingKind } from "@/lib/listings/schemas";
import { toSearchHref } from "@/lib/listings/search-schema";
import { getChangeNotice, markSeen } from "@/lib/listings/versions";
import { findMyInterestsFor } from "@/lib/interests/queries";
import { INTEREST_MESSAGE_MAX } from "@/lib/interests/schemas";
import { findOwnInvestorProfile } from "@/lib/investors/queries";
import { isListingSaved } from "@/lib/saved-listings/queries";
import type { TActiveActor } from "@/lib/auth/guards";
import { formatMoneyCompact } from "@/lib/money/format";
import { displayUsdAmount } from "@/lib/money/display";
import { getLatestRates } from "@/lib/money/rates";

export const dynamic = "force-dynamic";

const NO_INVESTOR_STATE = { saved: false, interest: null, hasProfile: false } as const;

/** What the Save and Express interest controls need to know about this investor and listing. */
async function loadInvestorState(actor: TActiveActor, listingId: string) {
  const [saved, interests, profile] = await Promise.all([isListingSaved(actor, listingId), findMyInterestsFor(actor, [listingId]), findOwnInvestorProfile(actor)]);
  return { saved, interest: interests.get(listingId) ?? null, hasProfile: profile !== null };
}

type TPageProps = { params: Promise<{ id: string }> };

/** Once per request: the page and its metadata read the same listing. */
const loadOpportunity = cache(async (id: string) => {
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const actor = await currentActor();
  return { opportunity: await getOpportunity(id, actor, locale), actor, locale } as const;
});

export async function generateMetadata({ params }: TPageProps): Promise<Metadata> {
  const { opportunity } = await loadOpportunity((await params).id);
  const t = await getTranslations("opportunities");
  return { title: opportunity?.title ?? t("title") };
}

export default async function OpportunityPage({ params }: TPageProps) {
  const { opportunity, actor, locale } = await loadOpportunity((await params).id);
  if (!opportunity) notFound();
  const t = await getTranslations("opportunities.detail");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const isInvestor = actor?.status === "ACTIVE" && actor.role === "INVESTOR";
  const tAct = await getTranslations("interests.act");
  const [rates, similar, changeNotice, investorState] = await Promise.all([
    getLatestRates(),
    listSimilarOpportunities(opportunity, locale),
    isInvestor && opportunity.status === "PUBLISHED" ? getChangeNotice(actor.id, opportunity.id) : Promise.resolve(null),
    isInvestor ? loadInvestorState(actor as TActiveActor, opportunity.id) : Promise.resolve(NO_INVESTOR_STATE),
  ]);
  // The saver has now seen this version: the notice above shows once, the saved list stops saying "updated".
  if (isInvestor && investorState.saved && opportunity.status === "PUBLISHED") await markSeen(actor.id, opportunity.id);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const province = opportunity.province ? tAll(`enums.province.${opportunity.province}` as "enums.province.PUNJAB") : tAll("landing.nationwide");
  const location = [opportunity.zone, opportunity.district, province].filter(Boolean).join(", ");
  // The amount in the other two currencies, at the latest rates (a currency without a rate is left out).
  const usdCents = opportunity.amountUsdCents;
  const conversions =
    usdCents === null
      ? []
      : (["USD", "PKR", "JPY"] as const)
          .filter((currency) => currency !== opportunity.currency)
          .map((currency) => ({ currency, shown: displayUsdAmount(usdCents, currency, rates, locale) }))
          .filter(({ currency, shown }) => shown.currency === currency)
          .map(({ shown }) => shown);

  return (
    <article className="space-y-8" aria-labelledby="opportunity-title">
      <p>
        <Link href="/opportunities" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>

      {opportunity.status !== "PUBLISHED" && (
        <Notice tone="warning" role="status" title={t("preview", { status: tAll(`opportunities.status.${opportunity.status}` as "opportunities.status.DRAFT") })} />
      )}
      {changeNotice && (
        <Notice tone="info" role="status">
          {tAll("listingChanges.notice", {
            fields: changeNotice.changedFields.map((group) => tAll(`listingEditor.changeGroups.${group}` as "listingEditor.changeGroups.basics")).join(", "),
            date: date(changeNotice.changedAt),
          })}
        </Notice>
      )}

      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-600">
          {tAll(`enums.kind.${opportunity.kind}` as "enums.kind.SEZ")} · {tAll(`enums.stage.${opportunity.stage}` as "enums.stage.READY")}
        </p>
        <h1 id="opportunity-title" className="text-3xl font-semibold leading-tight text-stone-900">
          {opportunity.title}
        </h1>
        <p className="text-stone-600">{location}</p>
        {opportunity.sectors.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label={t("sectors")}>
            {opportunity.sectors.map((sector) => (
              <li key={sector.slug}>
                <Link href={toSearchHref("/opportunities", { sector: [sector.slug] })} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:underline">
                  {sector.parentName ? `${sector.parentName} › ${sector.name}` : sector.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-8">
          <section aria-labelledby="overview-heading" className="space-y-3">
            <h2 id="overview-heading" className="text-xl font-semibold">
              {t("overview")}
            </h2>
            <p className="whitespace-pre-line text-stone-800">{opportunity.summary}</p>
            {opportunity.description && <p className="whitespace-pre-line text-stone-700">{opportunity.description}</p>}
          </section>

          <section aria-labelledby="figures-heading" className="space-y-3">
            <h2 id="figures-heading" className="text-xl font-semibold">
              {t("facts")}
            </h2>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <div>
                <dt className="text-sm text-stone-500">{t("investment")}</dt>
                <dd className="font-medium" data-testid="investment">
                  {opportunity.amountMinor === null ? (
                    tAll("common.notDisclosed")
                  ) : (
                    <>
                      {formatMoneyCompact(opportunity.amountMinor, opportunity.currency, locale)}
                      {conversions.length > 0 && (
                        <span className="block text-sm font-normal text-stone-600">
                          {t("converted", {
                            amounts: conversions.map((converted) => converted.text).join(" · "),
                            date: rates.asOf ? format.dateTime(rates.asOf, { dateStyle: "medium", timeZone: "UTC" }) : "—",
                          })}
                        </span>
                      )}
                    </>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-stone-500">{t("instruments")}</dt>
                <dd className="font-medium">
                  {opportunity.instruments.map((instrument) => tAll(`enums.instrument.${instrument}` as "enums.instrument.EQUITY")).join(", ") || "—"}
                </dd>
              </div>
              {opportunity.publishedAt && (
                <div>
                  <dt className="text-sm text-stone-500">{t("published")}</dt>
                  <dd className="font-medium">{date(opportunity.publishedAt)}</dd>
                </div>
              )}
              <div>
                <dt className="text-sm text-stone-500">{t("updated")}</dt>
                <dd className="font-medium">{date(opportunity.updatedAt)}</dd>
              </div>
            </dl>
            <FactList
              kind={opportunity.kind as TListingKind}
              facts={opportunity.facts}
              columns={{ areaAcres: opportunity.areaAcres, developer: opportunity.developer, plotsAvailable: opportunity.plotsAvailable }}
              locale={locale}
            />
          </section>

          <section aria-labelledby="incentives-heading" className="space-y-3">
            <h2 id="incentives-heading" className="text-xl font-semibold">
              {t("incentives")}
            </h2>
            <IncentiveList incentives={opportunity.incentives} />
          </section>

          {opportunity.sourceNote && <p className="text-sm text-stone-500">{t("source", { source: opportunity.sourceNote })}</p>}
        </div>

        <aside className="space-y-6 lg:self-start">
          <section aria-labelledby="agency-heading" className="space-y-2 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="agency-heading" className="text-lg font-semibold">
              {t("agency")}
            </h2>
            <p className="font-medium">{opportunity.agency.name}</p>
            {opportunity.agency.website && /^https?:\/\//.test(opportunity.agency.website) && (
              <p>
                <a href={opportunity.agency.website} className="text-sm text-brand-700 underline" rel="noopener noreferrer">
                  {t("website")}
                </a>
              </p>
            )}
            <h3 className="pt-2 font-semibold">{t("contact")}</h3>
            {opportunity.contact ? (
              opportunity.contact.name || opportunity.contact.email || opportunity.contact.phone ? (
                <dl className="space-y-1 text-sm" data-testid="contact">
                  {opportunity.contact.name && <dd>{opportunity.contact.name}</dd>}
                  {opportunity.contact.email && (
                    <dd>
                      <a href={`mailto:${opportunity.contact.email}`} className="text-brand-700 underline">
                        {opportunity.contact.email}
                      </a>
                    </dd>
                  )}
                  {opportunity.contact.phone && <dd>{opportunity.contact.phone}</dd>}
                </dl>
              ) : (
                <p className="text-sm text-stone-600">{t("contactNone")}</p>
              )
            ) : (
              <p className="text-sm text-stone-700" data-testid="contact-hidden">
                {t("contactSignIn")}{" "}
                {!actor && (
                  <Link href={`/sign-in?next=${encodeURIComponent(`/opportunities/${opportunity.id}`)}`} className="text-brand-700 underline">
                    {t("signIn")}
                  </Link>
                )}
              </p>
            )}
          </section>

          {(isInvestor || !actor) && opportunity.status === "PUBLISHED" && (
            <section aria-labelledby="act-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm" data-testid="act">
              <h2 id="act-heading" className="text-lg font-semibold">
                {t("act")}
              </h2>
              {isInvestor ? (
                <>
                  <SaveListingButton listingId={opportunity.id} saved={investorState.saved} />
                  {investorState.saved && <p className="text-sm text-stone-600">{tAct("savedNote")}</p>}
                  {investorState.interest ? (
                    <div className="space-y-1 text-sm" data-testid="interest-sent">
                      <p role="status">
                        {tAct("sent", { date: date(investorState.interest.createdAt), status: tAll(`interests.status.${investorState.interest.status}`) })}
                      </p>
                      <Link href="/investor/interests" className="text-brand-700 underline">
                        {tAct("viewInterests")}
                      </Link>
                    </div>
                  ) : investorState.hasProfile ? (
                    <ExpressInterestForm listingId={opportunity.id} messageMax={INTEREST_MESSAGE_MAX} />
                  ) : (
                    <p className="text-sm text-stone-700">
                      {tAct("profileRequired")}{" "}
                      <Link href="/investor/onboarding" className="text-brand-700 underline">
                        {tAct("profileLink")}
                      </Link>
                    </p>
                  )}
                </>
              ) : (
                <p className="text-sm text-stone-700">
                  {tAct("signInPrompt")}{" "}
                  <Link href={`/sign-in?next=${encodeURIComponent(`/opportunities/${opportunity.id}`)}`} className="text-brand-700 underline">
                    {tAct("signIn")}
                  </Link>
                </p>
              )}
            </section>
          )}
        </aside>
      </div>

      {similar.length > 0 && (
        <section aria-labelledby="similar-heading" className="space-y-4">
          <h2 id="similar-heading" className="text-xl font-semibold">
            {t("similar")}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
            {similar.map((item) => (
              <li key={item.id}>
                <ListingCard listing={item} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
