"use client";
// A password change bumps the session version on the server, which ends this
// session too: on success we sign out and send the user to sign in again.
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { changePasswordAction } from "@/app/account/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { usePasswordHint } from "./password-hint";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const tf = useTranslations("auth.fields");
  const passwordHint = usePasswordHint();
  const form = useRef<HTMLFormElement>(null);
  const [{ result }, formAction] = useFormAction(changePasswordAction);
  useFocusFirstError(form, result);

  const changed = result?.ok === true;
  useEffect(() => {
    if (changed) void signOut({ callbackUrl: "/sign-in?changed=1" });
  }, [changed]);

  if (changed) return <FormSuccess>{t("changed")}</FormSuccess>;
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      <TextInput
        name="currentPassword"
        type="password"
        label={tf("currentPassword")}
        autoComplete="current-password"
        maxLength={128}
        errors={fieldErrors(result, "currentPassword")}
      />
      <TextInput
        name="newPassword"
        type="password"
        label={tf("newPassword")}
        hint={passwordHint}
        autoComplete="new-password"
        maxLength={128}
        errors={fieldErrors(result, "newPassword")}
      />
      <p className="text-sm text-stone-600">{t("signOutNote")}</p>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
