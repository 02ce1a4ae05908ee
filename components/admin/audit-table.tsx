// Audit entries as a read-only table: when, who, what, on what, from where, and
// the recorded details. There is deliberately no edit or delete control.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TAuditEntryDto } from "@/lib/audit/queries";

function targetHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  if (type === "user") return `/admin/users/${id}`;
  if (type === "listing") return `/staff/listings/${id}/edit`;
  return null;
}

function details(data: unknown): string {
  const text = JSON.stringify(data ?? {});
  if (text === "{}") return "";
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

export async function AuditTable({ entries, caption }: { entries: TAuditEntryDto[]; caption?: string }) {
  const t = await getTranslations("admin.audit.table");
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">{caption ?? t("caption")}</caption>
        <thead className="border-b border-stone-200 text-stone-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t("when")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("actor")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("action")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("target")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("details")}</th>
            <th scope="col" className="py-2 font-medium">{t("origin")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {entries.map((entry) => {
            const href = targetHref(entry.targetType, entry.targetId);
            return (
              <tr key={entry.id} className="align-top" data-testid="audit-row">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                </td>
                <td className="py-2 pr-4">
                  {entry.actorId ? (
                    <Link href={`/admin/users/${entry.actorId}`} className="text-brand-700 underline">
                      {entry.actorEmail ?? entry.actorId}
                    </Link>
                  ) : (
                    <span className="text-stone-500">{t("system")}</span>
                  )}
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{entry.action}</td>
                <td className="py-2 pr-4 break-all">
                  {entry.targetType ? (
                    <>
                      <span className="block text-stone-600">{entry.targetType}</span>
                      {href ? (
                        <Link href={href} className="font-mono text-xs text-brand-700 underline">
                          {entry.targetId}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs">{entry.targetId}</span>
                      )}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-2 pr-4 break-all">
                  <code className="text-xs">{details(entry.data)}</code>
                </td>
                <td className="py-2 text-xs text-stone-600">{entry.ip ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
