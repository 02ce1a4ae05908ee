"use client";
// Revoking is immediate and cannot be undone: a first click asks, a second revokes.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { revokeApiTokenAction } from "@/app/account/api-tokens/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonClass } from "@/components/ui/button-class";
import type { TActionResult } from "@/lib/http/result";

export function ApiTokenRevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [confirming, setConfirming] = useState(false);
  const [result, action] = useActionState<TActionResult<{ id: string }> | null, FormData>(
    (_previous, formData) => revokeApiTokenAction(null, formData),
    null,
  );

  if (!confirming) {
    return (
      <button type="button" className={`${buttonClass("secondary")} py-1.5`} onClick={() => setConfirming(true)}>
        {t("revoke")}
        <span className="sr-only"> {name}</span>
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2" role="group" aria-label={t("confirmLabel", { name })}>
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-red-800">{t("confirm", { name })}</p>
      <FormError result={result} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingLabel={t("revoking")} className="py-1.5">
          {t("confirmRevoke")}
        </SubmitButton>
        <button type="button" className={`${buttonClass("secondary")} py-1.5`} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
