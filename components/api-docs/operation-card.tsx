// One operation of the API reference: method and path, who may call it, its
// parameters, request body, responses and a curl example. Server component.
import { getTranslations } from "next-intl/server";
import type { TDocOperation } from "@/lib/api/describe";
import { CodeBlock } from "@/components/ui/code-block";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-green-100 text-green-900",
  patch: "bg-amber-100 text-amber-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

export async function OperationCard({ operation, example }: { operation: TDocOperation; example?: string }) {
  const t = await getTranslations("apiDocs");
  const headingId = `op-${operation.id}`;
  const text = (key: "summary" | "description") => (t.has(`operations.${operation.id}.${key}`) ? t(`operations.${operation.id}.${key}`) : "");

  return (
    <article id={operation.id} aria-labelledby={headingId} className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm" data-testid="api-operation">
      <header className="space-y-2">
        <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_STYLE[operation.method] ?? "bg-stone-100"}`}>{operation.method}</span>
          <span className="break-all">{operation.path}</span>
        </h3>
        <p className="font-semibold">{text("summary")}</p>
        {text("description") && <p className="text-sm text-stone-700">{text("description")}</p>}
        <p className="text-sm">
          <span className="font-medium">{t("access.label")}</span> {t(`access.${operation.access}`)}
        </p>
      </header>

      {operation.parameters.length > 0 && (
        <section aria-label={t("parameters")}>
          <h4 className="mb-2 text-sm font-semibold">{t("parameters")}</h4>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("name")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("in")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("type")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("required")}</th>
                  <th scope="col" className="py-1 font-medium">{t("description")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 align-top">
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <th scope="row" className="py-1 pr-3 font-mono font-normal">{parameter.name}</th>
                    <td className="py-1 pr-3">{parameter.in}</td>
                    <td className="py-1 pr-3 font-mono text-xs">{parameter.type}</td>
                    <td className="py-1 pr-3">{parameter.required ? t("yes") : t("no")}</td>
                    <td className="py-1">
                      {parameter.description}
                      {parameter.example !== undefined && (
                        <span className="block text-stone-500">
                          {t("example")}: <code className="font-mono">{parameter.example}</code>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {operation.requestBody && (
        <section aria-label={t("requestBody")} className="space-y-2">
          <h4 className="text-sm font-semibold">
            {t("requestBody")}: <code className="font-mono font-normal">{operation.requestBody.schema}</code>
          </h4>
          {operation.requestBody.example && <CodeBlock>{operation.requestBody.example}</CodeBlock>}
        </section>
      )}

      <section aria-label={t("responses")}>
        <h4 className="mb-2 text-sm font-semibold">{t("responses")}</h4>
        <ul className="space-y-1 text-sm">
          {operation.responses.map((response) => (
            <li key={response.status}>
              <code className="mr-2 font-mono font-semibold">{response.status}</code>
              {response.schema && <code className="mr-2 font-mono text-xs text-stone-600">{response.schema}</code>}
              <span className="text-stone-700">{t.has(`status.${response.status}`) ? t(`status.${response.status}`) : response.description}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label={t("curl")} className="space-y-2">
        <h4 className="text-sm font-semibold">{t("curl")}</h4>
        <CodeBlock>{operation.curl}</CodeBlock>
      </section>

      {example && (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">{t("exampleResponse")}</summary>
          <div className="mt-2">
            <CodeBlock>{example}</CodeBlock>
          </div>
        </details>
      )}
    </article>
  );
}
