"use client";
// Sign out here, or everywhere: the server bumps the session version (ending
// every other device's session), then this browser's cookie is cleared.
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { signOutEverywhereAction } from "@/app/account/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonClass } from "@/components/ui/button-class";
import { useFormAction } from "@/components/forms/use-form-action";
import { SignOutButton } from "@/components/layout/sign-out-button";

export function SessionControls() {
  const t = useTranslations("account.sessions");
  const [{ result }, formAction] = useFormAction(signOutEverywhereAction);
  const done = result?.ok === true;
  useEffect(() => {
    if (done) void signOut({ callbackUrl: "/sign-in?signedOut=everywhere" });
  }, [done]);

  return (
    <div className="space-y-4">
      <FormError result={result} />
      {done && <FormSuccess>{t("signedOutEverywhere")}</FormSuccess>}
      <div className="flex flex-wrap items-start gap-3">
        <SignOutButton className={buttonClass("secondary")} />
        <form action={formAction}>
          <SubmitButton variant="danger" pendingLabel={t("signingOutEverywhere")} disabled={done}>
            {t("signOutEverywhere")}
          </SubmitButton>
        </form>
      </div>
      <p className="text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
    </div>
  );
}
