// CSV export of the audit log with the page's filters: newest first, streamed
// in keyset pages so memory stays flat, capped at AUDIT_EXPORT_MAX_ROWS (the
// response says so in a header and the page says so beside the link). Cells a
// spreadsheet would run as formulas are neutralised.
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "@/lib/listings/export";
import { iterateAuditEntries, type TAuditEntryDto } from "./queries";
import type { TAuditFilters } from "./schemas";

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const BATCH = 500;

export const AUDIT_CSV_COLUMNS = ["id", "created_at", "actor_email", "actor_name", "action", "target_type", "target_id", "ip", "user_agent", "data"] as const;

function toRow(entry: TAuditEntryDto): string[] {
  return [
    entry.id,
    entry.createdAt.toISOString(),
    neutraliseFormula(entry.actorEmail ?? ""),
    neutraliseFormula(entry.actorName ?? ""),
    entry.action,
    entry.targetType ?? "",
    neutraliseFormula(entry.targetId ?? ""),
    entry.ip ?? "",
    neutraliseFormula(entry.userAgent ?? ""),
    neutraliseFormula(JSON.stringify(entry.data ?? {})),
  ];
}

export function auditLogCsv(filters: Partial<TAuditFilters>, options: { max?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const entries = iterateAuditEntries(filters, { max: options.max ?? AUDIT_EXPORT_MAX_ROWS, pageSize: BATCH });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${stringify([[...AUDIT_CSV_COLUMNS]])}`));
    },
    async pull(controller) {
      const batch: string[][] = [];
      while (batch.length < BATCH) {
        const next = await entries.next();
        if (next.done) break;
        batch.push(toRow(next.value));
      }
      if (batch.length > 0) controller.enqueue(encoder.encode(stringify(batch)));
      if (batch.length < BATCH) controller.close();
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
