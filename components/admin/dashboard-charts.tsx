// The dashboard's charts from live data, labelled in the reader's language on
// the server; each DashboardChart carries its own text alternative.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TDashboard } from "@/lib/admin/dashboard";
import { DashboardChart, type TChartDatum } from "./dashboard-chart";

export async function DashboardCharts({ dashboard }: { dashboard: TDashboard }) {
  const t = await getTranslations("admin.dashboard");
  const te = await getTranslations("enums.province");
  const format = await getFormatter();
  const common = { tableToggle: t("showTable"), empty: t("noData") };

  const sectors: TChartDatum[] = dashboard.listingsBySector.map((row) => ({ label: row.name, value: row.count }));
  const provinces: TChartDatum[] = dashboard.listingsByProvince.map((row) => ({
    label: row.province ? te(row.province as "PUNJAB") : t("nationwide"),
    value: row.count,
  }));
  const funnel: TChartDatum[] = dashboard.funnel.stages.map((row) => ({ label: t(`funnel.${row.stage}`), value: row.count }));
  const stage = (name: string) => dashboard.funnel.stages.find((row) => row.stage === name)?.count ?? 0;
  const response: TChartDatum[] = dashboard.responseTimes.agencies.map((row) => ({ label: row.agencyName, value: row.medianHours }));
  const weeks: TChartDatum[] = dashboard.newInvestorsPerWeek.map((row) => ({
    label: format.dateTime(new Date(`${row.weekStart}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" }),
    value: row.count,
  }));
  const top = (data: TChartDatum[]) => data[0] ?? { label: "—", value: 0 };
  const hours = (value: number) => format.number(value, { maximumFractionDigits: 1 });

  return (
    <section aria-labelledby="charts-heading" className="space-y-4">
      <h2 id="charts-heading" className="text-lg font-semibold">
        {t("chartsTitle")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <DashboardChart
          {...common}
          testId="chart-sectors"
          kind="horizontal"
          title={t("sectors.title")}
          summary={sectors.length ? t("sectors.summary", { count: sectors.length, top: top(sectors).label, topCount: top(sectors).value }) : t("noData")}
          labelHeader={t("sectors.label")}
          valueHeader={t("listingsValue")}
          data={sectors}
        />
        <DashboardChart
          {...common}
          testId="chart-provinces"
          kind="horizontal"
          title={t("provinces.title")}
          summary={
            provinces.length ? t("provinces.summary", { count: provinces.length, top: top(provinces).label, topCount: top(provinces).value }) : t("noData")
          }
          labelHeader={t("provinces.label")}
          valueHeader={t("listingsValue")}
          data={provinces}
        />
        <DashboardChart
          {...common}
          testId="chart-funnel"
          kind="column"
          title={t("funnel.title")}
          summary={t("funnel.summary", {
            suggested: stage("suggested"),
            approved: stage("approved"),
            introduced: stage("introduced"),
            interest: stage("interest"),
            won: dashboard.funnel.closedWon,
            lost: dashboard.funnel.closedLost,
          })}
          labelHeader={t("funnel.label")}
          valueHeader={t("funnel.value")}
          data={funnel}
        />
        <DashboardChart
          {...common}
          testId="chart-response"
          kind="horizontal"
          decimals={1}
          title={t("response.title")}
          summary={
            dashboard.responseTimes.overallMedianHours === null
              ? t("response.none")
              : t("response.summary", { hours: hours(dashboard.responseTimes.overallMedianHours), agencies: response.length })
          }
          labelHeader={t("response.label")}
          valueHeader={t("response.value")}
          data={response}
        />
        <DashboardChart
          {...common}
          testId="chart-investors"
          kind="line"
          title={t("investors.title")}
          summary={t("investors.summary", { count: weeks.reduce((sum, week) => sum + week.value, 0), weeks: weeks.length })}
          labelHeader={t("investors.label")}
          valueHeader={t("investors.value")}
          data={weeks}
        />
      </div>
    </section>
  );
}
