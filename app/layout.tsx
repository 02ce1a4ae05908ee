import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthSessionProvider } from "@/components/layout/session-provider";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Kizuna 絆", template: "%s · Kizuna" }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <NextIntlClientProvider>
          <AuthSessionProvider>
            <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
              {t("skipToContent")}
            </a>
            <SiteHeader />
            <main id="main" className="mx-auto max-w-6xl px-4 py-8">
              {children}
            </main>
          </AuthSessionProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
