import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ProfileSummary } from "@/components/investors/profile-summary";
import { LeadNoteForm } from "@/components/interests/lead-note-form";
import { LeadResponse } from "@/components/interests/lead-response";
import { LeadStatusForm } from "@/components/interests/lead-status-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/interests/leads";
import { INTEREST_NOTE_MAX } from "@/lib/interests/schemas";
import { listSectorsForPicker } from "@/lib/sectors/queries";

type TPageProps = { params: Promise<{ id: string }> };

/** Once per request, for the page and its title; another agency's lead is a 404. */
const loadLead = cache(async (id: string) => {
  const actor = await requirePageRole("STAFF", "ADMIN");
  if (actor.role === "STAFF" && !actor.organizationId) redirect("/forbidden");
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  try {
    return { lead: await getLead(actor, id, { locale }), locale } as const;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: TPageProps): Promise<Metadata> {
  const { lead } = await loadLead((await params).id);
  return { title: `${lead.investor.name} · ${lead.listing.title}` };
}

export default async function LeadPage({ params }: TPageProps) {
  const { lead, locale } = await loadLead((await params).id);
  const [t, tRoot, format, sectors] = await Promise.all([getTranslations("leads.detail"), getTranslations("interests"), getFormatter(), listSectorsForPicker(locale)]);
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link href="/staff/leads" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeading title={`${lead.investor.name} · ${lead.listing.title}`} intro={t("received", { date: dateTime(lead.createdAt) })} />
      <p className="text-sm" data-testid="lead-response">
        <LeadResponse response={lead.response} />
      </p>

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          <section aria-labelledby="lead-investor-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="lead-investor-heading" className="mb-4 text-lg font-semibold">
              {t("investor")}
            </h2>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-stone-600">{t("name")}</dt>
              <dd>{lead.investor.name}</dd>
              {lead.investor.organizationName && (
                <>
                  <dt className="text-stone-600">{t("organization")}</dt>
                  <dd>{lead.investor.organizationName}</dd>
                </>
              )}
              {lead.investor.country && (
                <>
                  <dt className="text-stone-600">{t("country")}</dt>
                  <dd>{new Intl.DisplayNames([locale], { type: "region" }).of(lead.investor.country) ?? lead.investor.country}</dd>
                </>
              )}
              <dt className="text-stone-600">{t("email")}</dt>
              <dd>
                <a href={`mailto:${lead.investor.email}`} className="text-brand-700 underline">
                  {lead.investor.email}
                </a>
                <span className="block text-xs text-stone-600">{t("emailWhy")}</span>
              </dd>
              <dt className="text-stone-600">{t("listing")}</dt>
              <dd>
                <Link href={`/opportunities/${lead.listing.id}`} className="text-brand-700 underline">
                  {lead.listing.title}
                </Link>
              </dd>
            </dl>
          </section>

          <section aria-labelledby="lead-message-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="lead-message-heading" className="mb-2 text-lg font-semibold">
              {t("message")}
            </h2>
            {lead.message ? <p className="whitespace-pre-line text-stone-800">{lead.message}</p> : <p className="text-stone-600">{t("noMessage")}</p>}
          </section>

          <ProfileSummary profile={lead.profile} sectors={sectors} locale={locale} />

          <section aria-labelledby="lead-notes-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="lead-notes-heading" className="text-lg font-semibold">
              {t("notes")}
            </h2>
            {lead.canWork && <LeadNoteForm interestId={lead.id} max={INTEREST_NOTE_MAX} />}
            {lead.notes.length === 0 ? (
              <p className="text-sm text-stone-600">{t("noNotes")}</p>
            ) : (
              <ol className="space-y-3" data-testid="lead-notes">
                {lead.notes.map((note) => (
                  <li key={note.id} className="rounded border border-stone-100 bg-stone-50 p-3 text-sm">
                    <p className="whitespace-pre-line">{note.body}</p>
                    <p className="mt-1 text-xs text-stone-600">{t("noteBy", { author: note.authorName, date: dateTime(note.createdAt) })}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside className="space-y-4 lg:self-start">
          <section aria-labelledby="lead-status-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="lead-status-heading" className="text-lg font-semibold">
              {t("status")}
            </h2>
            <p className="text-sm" data-testid="lead-current-status">
              {tRoot(`status.${lead.status}`)}
            </p>
            {lead.canWork ? <LeadStatusForm interestId={lead.id} status={lead.status} /> : <Notice tone="info">{t("readOnly")}</Notice>}
          </section>
        </aside>
      </div>
    </div>
  );
}
