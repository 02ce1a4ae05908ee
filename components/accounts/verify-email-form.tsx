"use client";
// The token is spent only by this POST: mail scanners that prefetch the link
// (a GET) must not be able to use it up.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { verifyEmailAction } from "@/app/(auth)/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { Notice } from "@/components/ui/notice";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  const [{ result }, formAction] = useFormAction(verifyEmailAction);

  if (result?.ok && result.data.verified) {
    return (
      <Notice tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody")}</p>
        <p>
          <Link href="/sign-in" className="font-medium underline">
            {t("signInLink")}
          </Link>
        </p>
      </Notice>
    );
  }
  if (result) return <VerifyEmailFailed />;

  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-stone-700">{t("prompt")}</p>
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function VerifyEmailFailed() {
  const t = useTranslations("auth.verifyEmail");
  return (
    <Notice tone="error" role="alert" title={t("failedTitle")}>
      <p>{t("failedBody")}</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/sign-in" className="font-medium underline">
          {t("signInLink")}
        </Link>
        <Link href="/register" className="font-medium underline">
          {t("registerLink")}
        </Link>
      </p>
    </Notice>
  );
}
