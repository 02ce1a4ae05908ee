"use client";
// Credentials sign-in through next-auth. Refusals come back as a JSON string
// { code, message, params } (lib/auth/options.ts); a second-factor request
// reveals the code field and the same form is sent again with it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import type { TMessageParams } from "@/components/forms/use-translate-message";

type TSignInFailure = { code: string; message: string; params?: TMessageParams };

export function parseSignInError(error: string | null | undefined): TSignInFailure {
  if (error) {
    try {
      const parsed: unknown = JSON.parse(error);
      if (parsed && typeof parsed === "object" && "code" in parsed && "message" in parsed) {
        const { code, message, params } = parsed as { code: unknown; message: unknown; params?: unknown };
        if (typeof code === "string" && typeof message === "string") {
          return { code, message, params: params && typeof params === "object" ? (params as TMessageParams) : undefined };
        }
      }
    } catch {
      // next-auth's own codes ("CredentialsSignin"…) are not JSON.
    }
    if (error === "CredentialsSignin") return { code: "UNAUTHENTICATED", message: "errors.invalidCredentials" };
  }
  return { code: "INTERNAL", message: "errors.internal" };
}

type TFieldErrors = Partial<Record<"email" | "password" | "totp", string[]>>;

export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("auth.signIn");
  const tf = useTranslations("auth.fields");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [redirecting, setRedirecting] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [failure, setFailure] = useState<TSignInFailure | null>(null);
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});

  useEffect(() => {
    if (needsCode) form.current?.querySelector<HTMLInputElement>('input[name="totp"]')?.focus();
  }, [needsCode]);

  useEffect(() => {
    if (Object.keys(fieldErrors).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const totp = String(data.get("totp") ?? "").trim();

    const missing: TFieldErrors = {};
    if (!email) missing.email = ["errors.field.required"];
    if (!password) missing.password = ["errors.field.required"];
    if (needsCode && !totp) missing.totp = ["errors.field.required"];
    setFieldErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return;

    startTransition(async () => {
      // An empty totp must not be sent at all: next-auth would post the string "undefined".
      const response = await signIn("credentials", { redirect: false, email, password, ...(totp ? { totp } : {}) });
      if (response?.ok && !response.error) {
        setRedirecting(true);
        router.push(next ?? "/account");
        router.refresh();
        return;
      }
      const refusal = parseSignInError(response?.error);
      if (refusal.code === "TOTP_REQUIRED") {
        setNeedsCode(true);
        return;
      }
      if (refusal.message === "errors.totpInvalid") {
        setFieldErrors({ totp: ["errors.totpInvalid"] });
        return;
      }
      setFailure(refusal);
    });
  }

  const busy = pending || redirecting;
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={failure ? "sign-in-failure" : undefined}>
      {failure && (
        <div id="sign-in-failure">
          <FormMessage message={failure.message} params={failure.params} />
        </div>
      )}
      <TextInput name="email" type="email" label={tf("email")} autoComplete="username" errors={fieldErrors.email} />
      <TextInput name="password" type="password" label={tf("password")} autoComplete="current-password" errors={fieldErrors.password} />
      {needsCode && (
        <>
          <FormMessage tone="info" message={t("codeRequired")} />
          <TextInput
            name="totp"
            label={tf("totp")}
            hint={t("codeHint")}
            autoComplete="one-time-code"
            spellCheck={false}
            maxLength={20}
            errors={fieldErrors.totp}
          />
        </>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pending={busy} pendingLabel={t("submitting")}>
          {needsCode ? t("verifyCode") : t("submit")}
        </SubmitButton>
        <Link href="/forgot-password" className="text-sm text-brand-700 underline">
          {t("forgotPassword")}
        </Link>
      </div>
    </form>
  );
}
