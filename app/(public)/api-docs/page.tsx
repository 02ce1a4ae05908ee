import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OperationCard } from "@/components/api-docs/operation-card";
import { PageHeading } from "@/components/ui/page-heading";
import { describeDocument, schemaExample } from "@/lib/api/describe";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";
import { CodeBlock } from "@/components/ui/code-block";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

/** Rendered from the OpenAPI document the API serves, so the page and the API cannot disagree. */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const doc = openApiDocument();
  const baseUrl = new URL(env().APP_URL).origin;
  const tags = describeDocument(doc, baseUrl);
  const errorExample = schemaExample(doc, "Error") ?? "";
  const responseExample = (operationSchema: string | undefined) => (operationSchema ? schemaExample(doc, operationSchema) : undefined);

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />

      <nav aria-label={t("contents")} className="rounded-xl border border-stone-200 bg-white p-6 text-sm shadow-sm">
        <h2 className="mb-2 font-semibold">{t("contents")}</h2>
        <ul className="space-y-1">
          <li><a href="#authentication" className="text-brand-700 underline">{t("authTitle")}</a></li>
          <li><a href="#errors" className="text-brand-700 underline">{t("errorsTitle")}</a></li>
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name}`} className="text-brand-700 underline">{t(`tags.${tag.name}`)}</a>
              <ul className="ml-4 mt-1 space-y-1">
                {tag.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`} className="font-mono text-xs text-stone-700 hover:underline">
                      {operation.method.toUpperCase()} {operation.path}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <p className="mt-4">
          {t.rich("rawDocument", { link: (chunks) => <a href="/api/v1/openapi.json" className="text-brand-700 underline">{chunks}</a> })}
        </p>
      </nav>

      <section id="authentication" aria-labelledby="authentication-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="authentication-heading" className="text-lg font-semibold">{t("authTitle")}</h2>
        <p className="text-sm text-stone-700">{t("authPublic")}</p>
        <h3 className="font-semibold">{t("tokenTitle")}</h3>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-700">
          <li>{t("tokenStep1")}</li>
          <li>{t.rich("tokenStep2", { link: (chunks) => <Link href="/account/api-tokens" className="text-brand-700 underline">{chunks}</Link> })}</li>
          <li>{t("tokenStep3")}</li>
          <li>{t("tokenStep4")}</li>
        </ol>
        <CodeBlock>{`curl -s "${baseUrl}/api/v1/me" \\\n  -H "Authorization: Bearer $KIZUNA_TOKEN"`}</CodeBlock>
        <p className="text-sm text-stone-700">{t("tokenRevoke")}</p>
        <p className="text-sm text-stone-700">{t("cookieNote")}</p>
      </section>

      <section id="errors" aria-labelledby="errors-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="errors-heading" className="text-lg font-semibold">{t("errorsTitle")}</h2>
        <p className="text-sm text-stone-700">{t("errorsBody")}</p>
        <CodeBlock>{errorExample}</CodeBlock>
        <p className="text-sm text-stone-700">{t("moneyNote")}</p>
      </section>

      {tags.map((tag) => (
        <section key={tag.name} id={`tag-${tag.name}`} aria-labelledby={`tag-${tag.name}-heading`} className="space-y-4">
          <h2 id={`tag-${tag.name}-heading`} className="text-xl font-semibold">{t(`tags.${tag.name}`)}</h2>
          {tag.operations.map((operation) => (
            <OperationCard
              key={operation.id}
              operation={operation}
              example={responseExample(operation.responses.find((response) => response.status.startsWith("2"))?.schema)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
