// GET /admin/audit/export.csv?<the audit page's filters>: the matching entries
// as CSV, newest first, at most AUDIT_EXPORT_MAX_ROWS. Admins only (role read
// from the database); the filters are checked before the first byte is sent.
import { AUDIT_EXPORT_MAX_ROWS, auditLogCsv } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/schemas";
import { requireRole } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => {
  requireRole(actor, "ADMIN");
  const parsed = parseAuditFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: parsed.fieldErrors });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(auditLogCsv(parsed.filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kizuna-audit-log-${date}.csv"`,
      "Cache-Control": "no-store",
      "X-Kizuna-Max-Rows": String(AUDIT_EXPORT_MAX_ROWS),
    },
  });
});
