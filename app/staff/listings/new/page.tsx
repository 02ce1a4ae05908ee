import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ListingEditor } from "@/components/listings/editor/listing-editor";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { emptyFormValues } from "@/lib/listings/form-values";
import { LISTING_KINDS, type TListingKind } from "@/lib/listings/schemas";
import { listIncentiveTemplates } from "@/lib/listings/staff-queries";
import { listSectorsForPicker } from "@/lib/sectors/queries";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("listingEditor");
  return { title: t("newTitle") };
}

const isKind = (value: unknown): value is TListingKind => typeof value === "string" && (LISTING_KINDS as readonly string[]).includes(value);

/** Pick a kind first; the editor then creates the draft on its first autosave. */
export default async function NewListingPage({ searchParams }: { searchParams: TSearchParams }) {
  requireAgencyStaff(await requirePageRole("STAFF"));
  const { kind } = await searchParams;
  const t = await getTranslations("listingEditor");
  const te = await getTranslations("enums.kind");

  if (!isKind(kind)) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeading title={t("newTitle")} intro={t("pickKind")} />
        <ul className="grid gap-3 sm:grid-cols-2">
          {LISTING_KINDS.map((option) => (
            <li key={option}>
              <Link
                href={`/staff/listings/new?kind=${option}`}
                className="block h-full rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
              >
                <span className="block font-semibold text-brand-900">{te(option)}</span>
                <span className="mt-1 block text-sm text-stone-600">{t(`kindHelp.${option}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const [sectors, templates] = await Promise.all([listSectorsForPicker(locale), listIncentiveTemplates(locale)]);
  return (
    <>
      <PageHeading title={t("newTitleKind", { kind: te(kind) })} intro={t("newIntro")} />
      <ListingEditor
        listing={{ id: null, status: "DRAFT", version: 1, reviewComment: null, updatedAt: null }}
        initialValues={emptyFormValues(kind)}
        sectors={sectors}
        templates={templates}
        readOnly={false}
      />
    </>
  );
}
