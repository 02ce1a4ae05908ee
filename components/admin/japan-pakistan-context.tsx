// The "Japan–Pakistan context" panel of the dashboard: the trade, investment and
// ODA figures of the seed document, each with its source. The figures are
// headline statistics kept in prisma/seed-data/facts.ts (whole numbers in the
// unit their key names); only the words around them come from the catalogs.
import { getFormatter, getTranslations } from "next-intl/server";
import { BILATERAL_TRADE_2023_2025, JAPAN_PAKISTAN_FACTS as FACTS } from "@/prisma/seed-data/facts";

export async function JapanPakistanContext() {
  const t = await getTranslations("admin.dashboard.context");
  const format = await getFormatter();
  const usdMillions = (millions: number) => format.number(millions * 1_000_000, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });
  const jpyBillions = (billions: number) => format.number(billions * 1_000_000_000, { style: "currency", currency: "JPY", notation: "compact", maximumFractionDigits: 3 });
  const figures: { key: string; label: string; value: string; source: string }[] = [
    { key: "trade2024", label: t("trade2024"), value: usdMillions(FACTS.bilateralTrade2024.usdMillions), source: FACTS.bilateralTrade2024.source },
    {
      key: "tradeFy2024",
      label: t("tradeFy2024"),
      value: t("tradeFy2024Value", {
        total: usdMillions(FACTS.tradeFy2024.totalUsdMillions),
        exports: usdMillions(FACTS.tradeFy2024.pakistanExportsUsdMillions),
        imports: usdMillions(FACTS.tradeFy2024.pakistanImportsUsdMillions),
      }),
      source: FACTS.tradeFy2024.source,
    },
    { key: "fdiTotal", label: t("fdiTotal"), value: t("atLeast", { value: usdMillions(FACTS.japaneseFdiTotal.usdMillionsAtLeast) }), source: FACTS.japaneseFdiTotal.source },
    { key: "fdiFy2023", label: t("fdiFy2023"), value: t("approximately", { value: usdMillions(FACTS.japaneseFdiInflowFy2023.usdMillions) }), source: FACTS.japaneseFdiInflowFy2023.source },
    {
      key: "oda",
      label: t("oda", { year: FACTS.japaneseOdaToPakistan.upTo }),
      value: t("odaValue", {
        total: jpyBillions(FACTS.japaneseOdaToPakistan.totalJpyBillions),
        usd: usdMillions(FACTS.japaneseOdaToPakistan.approxUsdMillions),
        loans: jpyBillions(FACTS.japaneseOdaToPakistan.loansJpyBillions),
        grants: jpyBillions(FACTS.japaneseOdaToPakistan.grantsJpyBillions),
        technical: jpyBillions(FACTS.japaneseOdaToPakistan.technicalCooperationJpyBillions),
      }),
      source: FACTS.japaneseOdaToPakistan.source,
    },
    { key: "firms", label: t("firms"), value: t("firmsValue", { count: FACTS.japaneseFirmsInPakistan.countAtLeast }), source: FACTS.japaneseFirmsInPakistan.source },
    { key: "jbic", label: t("jbic"), value: t("approximately", { value: usdMillions(FACTS.jbicRekoDiq.usdMillions) }), source: FACTS.jbicRekoDiq.source },
  ];
  return (
    <section aria-labelledby="context-heading" data-testid="japan-pakistan-context" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="context-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.key} className="rounded-lg bg-brand-50 p-4">
            <dt className="text-sm text-stone-700">{figure.label}</dt>
            <dd className="mt-1 text-lg font-semibold text-brand-900">{figure.value}</dd>
            <dd className="mt-1 text-xs text-stone-600">{t("source", { source: figure.source })}</dd>
          </div>
        ))}
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="mb-2 text-left font-medium text-stone-800">{t("tradeTable.caption")}</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">{t("tradeTable.period")}</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">{t("tradeTable.japanExports")}</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">{t("tradeTable.pakistanExports")}</th>
              <th scope="col" className="py-2 text-right font-medium">{t("tradeTable.balance")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {BILATERAL_TRADE_2023_2025.rows.map((row) => (
              <tr key={row.period}>
                <th scope="row" className="py-2 pr-4 font-normal">
                  {row.monthly ? t("tradeTable.month", { period: row.period }) : row.period}
                  {row.estimated && <span className="ml-1 text-stone-500">{t("tradeTable.estimated")}</span>}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{usdMillions(row.japanExportsToPakistanUsdMillions)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{usdMillions(row.pakistanExportsToJapanUsdMillions)}</td>
                <td className="py-2 text-right tabular-nums">{usdMillions(row.balanceFavouringJapanUsdMillions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-stone-600">{t("source", { source: BILATERAL_TRADE_2023_2025.source })}</p>
      </div>
    </section>
  );
}
