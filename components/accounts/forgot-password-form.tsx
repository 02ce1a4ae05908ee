"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { requestPasswordResetAction } from "@/app/(auth)/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  const tf = useTranslations("auth.fields");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(requestPasswordResetAction);
  useFocusFirstError(form, result);

  // The same answer whether or not an account exists for the address.
  if (result?.ok) {
    return (
      <OutcomePanel tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody", { email: values.email ?? "" })}</p>
      </OutcomePanel>
    );
  }
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      <TextInput name="email" type="email" label={tf("email")} autoComplete="email" maxLength={254} defaultValue={values.email} errors={fieldErrors(result, "email")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
