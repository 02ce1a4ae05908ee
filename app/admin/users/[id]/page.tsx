import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuditTable } from "@/components/admin/audit-table";
import { PendingStaffList } from "@/components/admin/pending-staff-list";
import { PersonInvestorActivity } from "@/components/admin/person-investor-activity";
import { PersonStaffListings } from "@/components/admin/person-staff-listings";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { PageHeading } from "@/components/ui/page-heading";
import { getPersonDetail } from "@/lib/admin/people";
import { requirePageRole } from "@/lib/auth/current";

type TParams = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people");
  return { title: t("title") };
}

export default async function AdminPersonPage({ params }: { params: TParams }) {
  const actor = await requirePageRole("ADMIN");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const person = await getPersonDetail(id, locale);
  if (!person) notFound();
  const t = await getTranslations("admin.people");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  const facts: [string, string][] = [
    [t("account.role"), te(`role.${person.role}`)],
    [t("account.status"), te(`userStatus.${person.status}`)],
    [t("account.organization"), person.organizationName ?? "—"],
    [t("account.emailVerified"), yesNo(person.emailVerified)],
    [t("account.totp"), yesNo(person.totpEnabled)],
    [t("account.locale"), te(`locale.${person.locale}` as "locale.en")],
    [t("account.country"), person.country ?? "—"],
    [t("account.joined"), dateTime(person.createdAt)],
    [t("account.lastSignIn"), person.lastSignInAt ? dateTime(person.lastSignInAt) : t("account.never")],
  ];

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeading title={person.name} intro={person.email} />

      <section aria-labelledby="account-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="account-heading" className="text-lg font-semibold">
          {t("account.title")}
          {person.id === actor.id && <span className="ml-2 text-sm font-normal text-stone-500">{t("you")}</span>}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="person-account">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="space-y-4 border-t border-stone-100 pt-4">
          <h3 className="font-medium">{t("account.actions")}</h3>
          {person.role === "STAFF" && person.status === "PENDING" && (
            <PendingStaffList
              rows={[{ id: person.id, name: person.name, email: person.email, agencyName: person.organizationName, jobTitle: null, requestedAt: dateTime(person.createdAt) }]}
            />
          )}
          <UserRowActions user={{ id: person.id, name: person.name, role: person.role, status: person.status }} />
        </div>
      </section>

      {person.investor && <PersonInvestorActivity activity={person.investor} locale={locale} />}
      {person.staff && <PersonStaffListings staff={person.staff} organizationName={person.organizationName} />}

      <section aria-labelledby="person-audit-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="person-audit-heading" className="text-lg font-semibold">
            {t("audit.title")}
          </h2>
          <p className="flex gap-4 text-sm">
            <Link href={`/admin/audit?targetType=user&targetId=${person.id}`} className="text-brand-700 underline">
              {t("audit.about")}
            </Link>
            <Link href={`/admin/audit?actor=${encodeURIComponent(person.email)}`} className="text-brand-700 underline">
              {t("audit.by")}
            </Link>
          </p>
        </div>
        {person.audit.length === 0 ? <p className="text-sm text-stone-700">{t("audit.empty")}</p> : <AuditTable entries={person.audit} caption={t("audit.caption")} />}
      </section>
    </div>
  );
}
