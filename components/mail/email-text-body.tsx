import { splitLinks } from "@/lib/mail/links";

/** A plain-text email body as written, with its http(s) links made clickable. */
export function EmailTextBody({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-stone-50 p-4 font-sans text-sm leading-relaxed text-stone-800"
    >
      {splitLinks(text).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.value} className="break-all text-brand-700 underline hover:text-brand-900" data-testid="outbox-link">
            {segment.value}
          </a>
        ) : (
          <span key={index}>{segment.value}</span>
        ),
      )}
    </pre>
  );
}
