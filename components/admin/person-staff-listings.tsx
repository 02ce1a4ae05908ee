// Agency staff as an admin sees them: their agency and its listings (newest edits first).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import type { TPersonDetail } from "@/lib/admin/people";

export async function PersonStaffListings({ staff, organizationName }: { staff: NonNullable<TPersonDetail["staff"]>; organizationName: string | null }) {
  const t = await getTranslations("admin.people.staff");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  return (
    <Panel headingId="person-listings-heading" title={t("title", { agency: organizationName ?? "—", count: staff.listingCount })}>
      {staff.listings.length === 0 ? (
        <p className="text-sm text-stone-700">{staff.agencyId ? t("empty") : t("noAgency")}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="person-listings">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">{t("listing")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("kind")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
              <th scope="col" className="py-2 font-medium">{t("updated")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {staff.listings.map((listing) => (
              <tr key={listing.id}>
                <td className="py-2 pr-4">
                  <Link href={`/staff/listings/${listing.id}/edit`} className="text-brand-700 underline">
                    {listing.title || "—"}
                  </Link>
                  {listing.createdByThem && <span className="ml-2 text-xs text-stone-600">{t("createdByThem")}</span>}
                </td>
                <td className="py-2 pr-4">{te(`kind.${listing.kind}` as "kind.SEZ")}</td>
                <td className="py-2 pr-4">{te(`listingStatus.${listing.status}` as "listingStatus.DRAFT")}</td>
                <td className="py-2">{format.dateTime(listing.updatedAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
