"use client";
import { useTranslations } from "next-intl";

/** The password rule (lib/auth/password-policy.ts), shown under every new-password field. */
export function usePasswordHint(): string {
  return useTranslations("auth.fields")("passwordRule", { min: 12 });
}
