"use client";
// Unexpected errors: a generic, translated message (never a stack trace) with
// the digest the server logged, so support can find it.
import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-red-50 p-6">
      <p>{t("error")}</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-stone-600">ref: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-600 px-3 py-1.5 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
