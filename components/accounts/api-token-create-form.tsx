"use client";
// Creates a personal API token and shows it once: after this panel is gone the
// token cannot be shown again (only its hash is kept), so the copy hint says so.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { createApiTokenAction } from "@/app/account/api-tokens/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";
import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/forms/control-class";

/** `liveIds`: tokens not revoked; a token revoked since its creation is no longer shown. */
export function ApiTokenCreateForm({ liveIds }: { liveIds: string[] }) {
  const t = useTranslations("apiTokens");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(createApiTokenAction);
  const [copied, setCopied] = useState(false);
  useFocusFirstError(form, result);
  const created = result?.ok && liveIds.includes(result.data.id) ? result.data : null;

  async function copy(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="space-y-4">
      {created && (
        <OutcomePanel tone="success" title={t("createdTitle", { name: created.name })} role="status">
          <p>{t("createdOnce")}</p>
          <label htmlFor="new-api-token" className="sr-only">
            {t("tokenLabel")}
          </label>
          <input
            id="new-api-token"
            readOnly
            value={created.token}
            onFocus={(event) => event.currentTarget.select()}
            className={`${controlClass} font-mono`}
            data-testid="new-api-token"
          />
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={buttonClass("secondary")} onClick={() => void copy(created.token)}>
              {t("copy")}
            </button>
            <span aria-live="polite" className="text-sm">
              {copied ? t("copied") : ""}
            </span>
          </div>
          <p>{t("usage")}</p>
          <pre className="overflow-x-auto rounded bg-stone-900 p-2 text-xs text-stone-50">{`Authorization: Bearer ${created.prefix}…`}</pre>
        </OutcomePanel>
      )}
      <form ref={form} action={formAction} noValidate className="space-y-4">
        <FormError result={result} />
        <TextInput
          key={result?.ok ? result.data.id : "new"}
          name="name"
          label={t("name")}
          hint={t("nameHint")}
          maxLength={80}
          defaultValue={result?.ok ? "" : values.name}
          errors={fieldErrors(result, "name")}
        />
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}
