import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApiTokenCreateForm } from "@/components/accounts/api-token-create-form";
import { ApiTokenRevokeButton } from "@/components/accounts/api-token-revoke-button";
import { PageHeading } from "@/components/ui/page-heading";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requirePageRole } from "@/lib/auth/current";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const actor = await requirePageRole("STAFF", "ADMIN");
  const tokens = await listApiTokens(actor);
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading
        title={t("title")}
        intro={t.rich("intro", { docs: (chunks) => <Link href="/api-docs" className="text-brand-700 underline">{chunks}</Link> })}
      />

      <section aria-labelledby="create-token-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="create-token-heading" className="mb-4 text-lg font-semibold">
          {t("createTitle")}
        </h2>
        <ApiTokenCreateForm liveIds={tokens.filter((token) => !token.revokedAt).map((token) => token.id)} />
      </section>

      <section aria-labelledby="tokens-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="tokens-heading" className="mb-4 text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-stone-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="api-tokens">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.name")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.prefix")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.created")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("columns.lastUsed")}</th>
                  <th scope="col" className="py-2 font-medium">{t("columns.status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {tokens.map((token) => (
                  <tr key={token.id} className="align-top">
                    <th scope="row" className="py-3 pr-4 font-medium">{token.name}</th>
                    <td className="py-3 pr-4 font-mono">{token.prefix}…</td>
                    <td className="py-3 pr-4">{dateTime(token.createdAt)}</td>
                    <td className="py-3 pr-4">{token.lastUsedAt ? dateTime(token.lastUsedAt) : t("neverUsed")}</td>
                    <td className="py-3">
                      {token.revokedAt ? (
                        <span className="text-stone-600">{t("revokedAt", { date: dateTime(token.revokedAt) })}</span>
                      ) : (
                        <ApiTokenRevokeButton id={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
