import type { Metadata } from "next";
import { AuthAlternatives } from "@/components/accounts/auth-alternatives";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { safeNextPath } from "@/lib/accounts/next-path";
import { currentActor } from "@/lib/auth/current";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const actor = await currentActor();
  if (actor?.status === "ACTIVE") redirect(next ?? "/account");

  const t = await getTranslations("auth.signIn");
  const note =
    params.changed === "1"
      ? t("passwordChangedNote")
      : params.reset === "1"
        ? t("passwordResetNote")
        : params.signedOut === "everywhere"
          ? t("signedOutEverywhereNote")
          : null;
  return (
    <>
      <PageHeading title={t("title")} />
      {note && (
        <Notice tone="success" role="status" className="mb-4">
          <p>{note}</p>
        </Notice>
      )}
      {typeof params.error === "string" && !note && (
        <Notice tone="error" role="alert" className="mb-4">
          <p>{t("genericError")}</p>
        </Notice>
      )}
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} />
      </div>
      <AuthAlternatives
        items={[
          { lead: t("noAccount"), href: "/register", label: t("registerLink") },
          { lead: t("agencyStaff"), href: "/request-access", label: t("requestAccessLink") },
        ]}
      />
    </>
  );
}
