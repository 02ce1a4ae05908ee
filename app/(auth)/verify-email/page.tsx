import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyEmailFailed, VerifyEmailForm } from "@/components/accounts/verify-email-form";
import { PageHeading } from "@/components/ui/page-heading";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.verifyEmail");
  return { title: t("title") };
}

// Rendering this page changes nothing: the token is consumed by the form's POST.
export default async function VerifyEmailPage({ searchParams }: { searchParams: TSearchParams }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.verifyEmail");
  const usable = typeof token === "string" && token.length >= 10 && token.length <= 200;
  return (
    <>
      <PageHeading title={t("title")} />
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        {usable ? <VerifyEmailForm token={token} /> : <VerifyEmailFailed />}
      </div>
    </>
  );
}
