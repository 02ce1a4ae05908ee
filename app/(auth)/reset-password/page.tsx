import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetLinkInvalid, ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { PageHeading } from "@/components/ui/page-heading";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: TSearchParams }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.resetPassword");
  const usable = typeof token === "string" && token.length >= 10 && token.length <= 200;
  return (
    <>
      <PageHeading title={t("title")} intro={usable ? t("intro") : undefined} />
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        {usable ? <ResetPasswordForm token={token} /> : <ResetLinkInvalid />}
      </div>
    </>
  );
}
