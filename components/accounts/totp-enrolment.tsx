"use client";
// Two-step verification set-up: start (a new secret and its QR code), confirm
// with a code from the app, then show the recovery codes once.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from "@/app/account/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonClass } from "@/components/ui/button-class";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";

export function TotpEnrolment() {
  const t = useTranslations("security");
  const [{ result: started }, startAction] = useFormAction(startTotpEnrolmentAction);
  const [{ result: confirmed }, confirmAction] = useFormAction(confirmTotpEnrolmentAction);
  const confirmForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(confirmForm, confirmed);

  if (confirmed?.ok) return <RecoveryCodes codes={confirmed.data.recoveryCodes} />;

  if (started?.ok) {
    const { secret, uri, qrSvg } = started.data;
    return (
      <FocusOnMount className="space-y-6">
        <ol className="list-decimal space-y-6 pl-5">
          <li className="space-y-3">
            <p>{t("scanStep")}</p>
            <div
              role="img"
              aria-label={t("qrLabel")}
              className="inline-block rounded-lg border border-stone-200 bg-white p-2 [&_svg]:h-48 [&_svg]:w-48"
              // Safe: this SVG is generated on our server by the qrcode library from
              // our own otpauth:// URI (issuer, the user's email, a random secret);
              // it contains no user-supplied markup.
              dangerouslySetInnerHTML={{ __html: qrSvg }}
            />
            <p className="text-sm text-stone-700">{t("manualStep")}</p>
            <p>
              <span className="sr-only">{t("secretLabel")}: </span>
              <code className="select-all rounded bg-stone-100 px-2 py-1 font-mono text-base tracking-wider" data-testid="totp-secret">
                {secret.match(/.{1,4}/g)?.join(" ")}
              </code>
            </p>
            <p className="text-sm">
              <a href={uri} className="text-brand-700 underline">
                {t("openInApp")}
              </a>
            </p>
          </li>
          <li>
            <form ref={confirmForm} action={confirmAction} noValidate className="space-y-4">
              <p>{t("codeStep")}</p>
              <FormError result={confirmed} />
              <TextInput
                name="code"
                label={t("codeLabel")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                spellCheck={false}
                className="max-w-48 space-y-1"
                errors={fieldErrors(confirmed, "code")}
              />
              <SubmitButton pendingLabel={t("confirming")}>{t("confirm")}</SubmitButton>
            </form>
          </li>
        </ol>
      </FocusOnMount>
    );
  }

  return (
    <form action={startAction} className="space-y-4">
      <FormError result={started} />
      <SubmitButton pendingLabel={t("starting")}>{t("start")}</SubmitButton>
    </form>
  );
}

/** The start button is gone once the steps show: keyboard focus continues here. */
function FocusOnMount({ className, children }: { className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div ref={box} tabIndex={-1} className={`${className ?? ""} focus:outline-none`}>
      {children}
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("security");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`Kizuna recovery codes\n\n${codes.join("\n")}\n`)}`;
  return (
    <div className="space-y-4">
      <OutcomePanel tone="success" role="status" title={t("enabledTitle")}>
        <p>{t("recoveryIntro")}</p>
      </OutcomePanel>
      <ul aria-label={t("recoveryCodes")} className="grid max-w-md grid-cols-2 gap-2 rounded-lg border border-stone-200 bg-stone-50 p-4 font-mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <p>
        <a href={download} download="kizuna-recovery-codes.txt" className="text-sm text-brand-700 underline">
          {t("downloadCodes")}
        </a>
      </p>
      <div className="flex items-center gap-2">
        <input id="recovery-saved" type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} className="h-4 w-4" />
        <label htmlFor="recovery-saved">{t("savedCodes")}</label>
      </div>
      <button type="button" disabled={!saved} onClick={() => router.refresh()} className={`${buttonClass("primary")} disabled:cursor-not-allowed`}>
        {t("done")}
      </button>
    </div>
  );
}
