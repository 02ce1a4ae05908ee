"use client";
// The "Express interest" form: an optional message, and what the agency will see.
// A rejected form keeps the message as typed; once sent, the page shows the
// interest instead of the form (the action revalidates it).
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { expressInterestAction } from "@/app/investor/interests/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextArea } from "@/components/forms/text-area";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

export function ExpressInterestForm({ listingId, messageMax }: { listingId: string; messageMax: number }) {
  const t = useTranslations("interests.act");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(expressInterestAction);
  useFocusFirstError(form, result);
  if (result?.ok) return <FormSuccess>{t("sentNow")}</FormSuccess>;
  return (
    <form ref={form} action={formAction} noValidate className="space-y-3" data-testid="express-interest-form">
      <FormError result={result} />
      <input type="hidden" name="listingId" value={listingId} />
      <TextArea
        name="message"
        label={t("messageLabel")}
        hint={t("messageHint", { max: messageMax })}
        optional
        maxLength={messageMax}
        rows={4}
        defaultValue={values.message}
        errors={fieldErrors(result, "message")}
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
