"use client";
// "Introduce" on an approved match in the reviewed list. It emails both parties,
// so it asks to confirm (with an optional note); the outcome, or the "already
// introduced by …" conflict, replaces the button.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { introduceMatchAction } from "@/app/admin/matches/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { buttonClass } from "@/components/ui/button-class";
import type { TActionResult } from "@/lib/http/result";

type TProps = { matchId: string; title: string; investor: string; agency: string };

export function IntroduceMatchButton({ matchId, title, investor, agency }: TProps) {
  const t = useTranslations("adminMatches");
  const [result, setResult] = useState<TActionResult<unknown> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  if (result?.ok) return <FormSuccess>{t("introduced")}</FormSuccess>;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <button type="button" className={buttonClass("secondary")} aria-expanded={false} onClick={() => setConfirming(true)}>
          {t("introduce")}
          <span className="sr-only"> {title}</span>
        </button>
        <FormError result={result} />
      </div>
    );
  }
  return (
    <form
      className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-left text-sm"
      aria-label={t("introduceConfirm.title")}
      onSubmit={(event) => {
        event.preventDefault();
        const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
        startTransition(async () => {
          setResult(await introduceMatchAction({ matchId, note: note || undefined }));
          setConfirming(false);
        });
      }}
    >
      <p>{t("introduceConfirm.body", { investor, agency })}</p>
      <label className="flex flex-col gap-1">
        <span>{t("introduceConfirm.note")}</span>
        <input name="note" maxLength={1000} autoFocus className="rounded border border-stone-300 px-2 py-1" />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending} aria-busy={pending || undefined}>
          {t("introduceConfirm.send")}
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>
          {t("introduceConfirm.cancel")}
        </button>
      </div>
    </form>
  );
}
