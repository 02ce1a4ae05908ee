import type { TOutboxEmail } from "@/lib/mail/outbox";

type TStatus = TOutboxEmail["status"];

// Colour only reinforces the label, which is always shown as text.
const STATUS_CLASSES: Record<TStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-brand-100 text-brand-900",
  FAILED: "bg-red-100 text-red-900",
};

export function EmailStatusBadge({ status, label }: { status: TStatus; label: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[status]}`} data-status={status}>
      {label}
    </span>
  );
}
