import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { PageHeading } from "@/components/ui/page-heading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgotPassword");
  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </>
  );
}
