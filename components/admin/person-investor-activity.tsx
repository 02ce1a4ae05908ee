// An investor as an admin sees them: profile summary, recent matches with
// their status, expressions of interest and saved listings.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProfileSummary } from "@/components/investors/profile-summary";
import { Panel } from "@/components/ui/panel";
import type { TPersonDetail, TPersonListingRef } from "@/lib/admin/people";
import { listSectorsForPicker } from "@/lib/sectors/queries";

function ListingLink({ listing }: { listing: TPersonListingRef }) {
  const href = listing.status === "PUBLISHED" ? `/opportunities/${listing.id}` : `/staff/listings/${listing.id}/edit`;
  return (
    <Link href={href} className="text-brand-700 underline">
      {listing.title || "—"}
    </Link>
  );
}

export async function PersonInvestorActivity({ activity, locale }: { activity: NonNullable<TPersonDetail["investor"]>; locale: "en" | "ja" }) {
  const t = await getTranslations("admin.people.investor");
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const sectors = activity.profile ? await listSectorsForPicker(locale) : [];
  return (
    <>
      {activity.profile ? (
        <ProfileSummary profile={activity.profile} sectors={sectors} locale={locale} />
      ) : (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t("noProfile")}</p>
      )}
      <Panel headingId="person-matches-heading" title={t("matches", { count: activity.matchCount })}>
        {activity.matches.length === 0 ? (
          <p className="text-sm text-stone-700">{t("noMatches")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="person-matches">
            <caption className="sr-only">{t("matchesCaption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("listing")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("score")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
                <th scope="col" className="py-2 font-medium">{t("date")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {activity.matches.map((match) => (
                <tr key={match.id}>
                  <td className="py-2 pr-4"><ListingLink listing={match.listing} /></td>
                  <td className="py-2 pr-4 text-right tabular-nums">{match.score}</td>
                  <td className="py-2 pr-4">{t(`matchStatus.${match.status}` as "matchStatus.SUGGESTED")}</td>
                  <td className="py-2">{date(match.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel headingId="person-interests-heading" title={t("interests", { count: activity.interestCount })}>
        {activity.interests.length === 0 ? (
          <p className="text-sm text-stone-700">{t("noInterests")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="person-interests">
            <caption className="sr-only">{t("interestsCaption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("listing")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("date")}</th>
                <th scope="col" className="py-2 font-medium">{t("firstContact")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {activity.interests.map((interest) => (
                <tr key={interest.id}>
                  <td className="py-2 pr-4"><ListingLink listing={interest.listing} /></td>
                  <td className="py-2 pr-4">{t(`interestStatus.${interest.status}` as "interestStatus.NEW")}</td>
                  <td className="py-2 pr-4">{date(interest.createdAt)}</td>
                  <td className="py-2">{interest.firstContactAt ? date(interest.firstContactAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel headingId="person-saved-heading" title={t("saved", { count: activity.savedCount })}>
        {activity.saved.length === 0 ? (
          <p className="text-sm text-stone-700">{t("noSaved")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="person-saved">
            {activity.saved.map((item) => (
              <li key={item.listing.id}>
                <ListingLink listing={item.listing} /> <span className="text-stone-600">{t("savedOn", { date: date(item.savedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
