import { useTranslations } from "next-intl";

const STYLE = {
  DRAFT: "bg-stone-100 text-stone-800",
  SUBMITTED: "bg-sky-50 text-sky-900",
  PUBLISHED: "bg-green-50 text-green-800",
  CLOSED: "bg-stone-200 text-stone-700",
} as const;

export function ListingStatusBadge({ status }: { status: keyof typeof STYLE }) {
  const t = useTranslations("enums.listingStatus");
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}>{t(status)}</span>;
}
