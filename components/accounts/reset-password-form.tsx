"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";
import { Notice } from "@/components/ui/notice";
import { usePasswordHint } from "./password-hint";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  const tf = useTranslations("auth.fields");
  const passwordHint = usePasswordHint();
  const form = useRef<HTMLFormElement>(null);
  const [{ result }, formAction] = useFormAction(resetPasswordAction);
  useFocusFirstError(form, result);

  if (result?.ok) {
    return (
      <OutcomePanel tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody")}</p>
        <p>
          <Link href="/sign-in?reset=1" className="font-medium underline">
            {t("signInLink")}
          </Link>
        </p>
      </OutcomePanel>
    );
  }
  // A used or expired link cannot be fixed by typing: offer a new one.
  if (result && !result.ok && result.message === "errors.tokenInvalid") return <ResetLinkInvalid focus />;

  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      <input type="hidden" name="token" value={token} />
      <TextInput name="password" type="password" label={tf("newPassword")} hint={passwordHint} autoComplete="new-password" maxLength={128} errors={fieldErrors(result, "password")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** `focus`: shown in place of the form after a submission (not on page load). */
export function ResetLinkInvalid({ focus = false }: { focus?: boolean }) {
  const t = useTranslations("auth.resetPassword");
  const Panel = focus ? OutcomePanel : Notice;
  return (
    <Panel tone="error" role="alert" title={t("invalidTitle")}>
      <p>{t("invalidBody")}</p>
      <p>
        <Link href="/forgot-password" className="font-medium underline">
          {t("requestNewLink")}
        </Link>
      </p>
    </Panel>
  );
}
