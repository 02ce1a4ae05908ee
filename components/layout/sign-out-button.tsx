"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton({ className, callbackUrl = "/" }: { className?: string; callbackUrl?: string }) {
  const t = useTranslations("nav");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      className={className}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
