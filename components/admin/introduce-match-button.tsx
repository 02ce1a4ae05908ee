"use client";
// "Introduce" on an approved match in the reviewed list: the outcome (or the
// "already introduced by …" conflict) replaces the button.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { introduceMatchAction } from "@/app/admin/matches/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { buttonClass } from "@/components/ui/button-class";
import type { TActionResult } from "@/lib/http/result";

export function IntroduceMatchButton({ matchId, title }: { matchId: string; title: string }) {
  const t = useTranslations("adminMatches");
  const [result, setResult] = useState<TActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) return <FormSuccess>{t("introduced")}</FormSuccess>;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonClass("secondary")}
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={() => startTransition(async () => setResult(await introduceMatchAction({ matchId })))}
      >
        {t("introduce")}
        <span className="sr-only"> {title}</span>
      </button>
      <FormError result={result} />
    </div>
  );
}
