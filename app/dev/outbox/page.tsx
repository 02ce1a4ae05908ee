import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmailStatusBadge } from "@/components/mail/email-status-badge";
import { EmailTextBody } from "@/components/mail/email-text-body";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";

// Development outbox: every email the app wrote, so verification and reset links
// can be followed without a mail server (and by the end-to-end tests). It shows
// everyone's email, so it does not exist in production.
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  if (env().APP_ENV === "production") notFound();
  const t = await getTranslations("devOutbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DevOutboxPage({ searchParams }: TProps) {
  // Checked on the server before anything is read: in production this page is a 404.
  if (env().APP_ENV === "production") notFound();

  const { cursor } = await searchParams;
  const t = await getTranslations("devOutbox");
  const format = await getFormatter();
  const page = await listOutbox({ limit: PAGE_SIZE, cursor: typeof cursor === "string" ? cursor : undefined });
  const isFirstPage = typeof cursor !== "string";
  const deliveryConfigured = Boolean(env().SMTP_URL);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-600">{t("intro")}</p>
        <p className="text-sm text-stone-600" data-testid="outbox-delivery">
          {deliveryConfigured ? t("deliveryOn") : t("deliveryOff")}
        </p>
      </header>

      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600" data-testid="outbox-empty">
          {t("empty")}
        </p>
      ) : (
        <ol aria-label={t("listLabel")} className="space-y-4">
          {page.items.map((email) => (
            <li key={email.id}>
              <article
                aria-labelledby={`email-${email.id}-subject`}
                className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6"
                data-testid="outbox-item"
                data-email-to={email.to}
              >
                <h2 id={`email-${email.id}-subject`} className="text-lg font-semibold">
                  {email.subject}
                </h2>
                <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-stone-600">{t("to")}</dt>
                  <dd className="break-all">{email.to}</dd>
                  <dt className="text-stone-600">{t("template")}</dt>
                  <dd>
                    <code className="rounded bg-stone-100 px-1">{email.template}</code>
                  </dd>
                  <dt className="text-stone-600">{t("language")}</dt>
                  <dd>{t(`locales.${email.locale}`)}</dd>
                  <dt className="text-stone-600">{t("status")}</dt>
                  <dd>
                    <EmailStatusBadge status={email.status} label={t(`statuses.${email.status}`)} />
                  </dd>
                  <dt className="text-stone-600">{t("created")}</dt>
                  <dd>
                    <time dateTime={email.createdAt.toISOString()}>
                      {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </dd>
                  {email.sentAt && (
                    <>
                      <dt className="text-stone-600">{t("sent")}</dt>
                      <dd>
                        <time dateTime={email.sentAt.toISOString()}>
                          {format.dateTime(email.sentAt, { dateStyle: "medium", timeStyle: "medium" })}
                        </time>
                      </dd>
                    </>
                  )}
                  {email.attempts > 0 && (
                    <>
                      <dt className="text-stone-600">{t("attempts")}</dt>
                      <dd>{format.number(email.attempts)}</dd>
                    </>
                  )}
                  {email.lastError && email.status !== "SENT" && (
                    <>
                      <dt className="text-stone-600">{t("lastError")}</dt>
                      <dd className="break-all text-red-800">{email.lastError}</dd>
                    </>
                  )}
                </dl>
                <div className="mt-4">
                  <EmailTextBody text={email.text} label={t("body")} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}

      {(!isFirstPage || page.nextCursor) && (
        <nav aria-label={t("pagination")} className="flex justify-between gap-4 text-sm">
          {!isFirstPage ? (
            <Link href="/dev/outbox" className="text-brand-700 underline">
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={`/dev/outbox?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-brand-700 underline" rel="next">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
