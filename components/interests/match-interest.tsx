// On a match card: the interest already sent, or the form to send it (folded
// away so the list stays readable).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TOwnInterestSummary } from "@/lib/interests/queries";
import { INTEREST_MESSAGE_MAX } from "@/lib/interests/schemas";
import { ExpressInterestForm } from "./express-interest-form";

export async function MatchInterest({ listingId, interest }: { listingId: string; interest: TOwnInterestSummary | null }) {
  const t = await getTranslations("interests");
  const format = await getFormatter();
  if (interest) {
    return (
      <p className="mt-3 text-sm text-stone-700" data-testid="interest-sent">
        {t("act.sent", { date: format.dateTime(interest.createdAt, { dateStyle: "medium" }), status: t(`status.${interest.status}`) })}{" "}
        <Link href="/investor/interests" className="text-brand-700 underline">
          {t("act.viewInterests")}
        </Link>
      </p>
    );
  }
  return (
    <details className="mt-3 text-sm" data-testid="match-interest">
      <summary className="cursor-pointer font-medium text-brand-700">{t("act.open")}</summary>
      <div className="mt-2">
        <ExpressInterestForm listingId={listingId} messageMax={INTEREST_MESSAGE_MAX} />
      </div>
    </details>
  );
}
