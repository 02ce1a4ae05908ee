"use client";
// The token is spent only by this POST: mail scanners that prefetch the link
// (a GET) must not be able to use it up.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { verifyEmailAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";
import { Notice } from "@/components/ui/notice";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const [{ result }, formAction] = useFormAction(verifyEmailAction);

  if (result?.ok && result.data.verified) {
    return (
      <OutcomePanel tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody")}</p>
        <p>
          <Link href="/sign-in" className="font-medium underline">
            {t("signInLink")}
          </Link>
        </p>
      </OutcomePanel>
    );
  }
  if (result) return <VerifyEmailFailed focus />;

  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-stone-700">{t("prompt")}</p>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** `focus`: shown in place of the form after a submission (not on page load). */
export function VerifyEmailFailed({ focus = false }: { focus?: boolean }) {
  const t = useTranslations("auth.verifyEmail");
  const Panel = focus ? OutcomePanel : Notice;
  return (
    <Panel tone="error" role="alert" title={t("failedTitle")}>
      <p>{t("failedBody")}</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/sign-in" className="font-medium underline">
          {t("signInLink")}
        </Link>
        <Link href="/forgot-password" className="font-medium underline">
          {t("forgotPasswordLink")}
        </Link>
      </p>
    </Panel>
  );
}
