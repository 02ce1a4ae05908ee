import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ListingEditor } from "@/components/listings/editor/listing-editor";
import { ListingStatusBadge } from "@/components/listings/listing-status-badge";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { ZListingId } from "@/lib/listings/schemas";
import { getListingForEditor, listIncentiveTemplates } from "@/lib/listings/staff-queries";
import { listSectorsForPicker } from "@/lib/sectors/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("listingEditor");
  return { title: t("editTitle") };
}

/** Staff edit their agency's listings; admins may open any listing here, read-only. */
export default async function EditListingPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await requirePageRole("STAFF", "ADMIN");
  const actor = page.role === "STAFF" ? requireAgencyStaff(page) : page;
  const { id } = await params;
  if (!ZListingId.safeParse(id).success) notFound();
  const listing = await getListingForEditor(actor, id);
  if (!listing) notFound();
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const [sectors, templates] = await Promise.all([listSectorsForPicker(locale), listIncentiveTemplates(locale)]);
  const t = await getTranslations("listingEditor");
  const te = await getTranslations("enums.kind");
  const readOnly = actor.role === "ADMIN";
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={readOnly ? "/admin/listings" : "/staff/listings"} className="text-brand-700 underline">
          {readOnly ? t("backToQueue") : t("backToListings")}
        </Link>
      </nav>
      <PageHeading
        title={listing.values.title || t("untitled")}
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <span>{te(listing.kind)}</span>
            <span aria-hidden="true">·</span>
            <span>{listing.agencyName}</span>
            <ListingStatusBadge status={listing.status} />
            {readOnly && <span className="text-stone-600">{t("readOnly")}</span>}
          </span>
        }
      />
      <ListingEditor
        listing={{ id: listing.id, status: listing.status, version: listing.version, reviewComment: listing.reviewComment, updatedAt: listing.updatedAt.toISOString() }}
        initialValues={listing.values}
        sectors={sectors}
        templates={templates}
        readOnly={readOnly}
      />
    </>
  );
}
