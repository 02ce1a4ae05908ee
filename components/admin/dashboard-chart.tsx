"use client";
// One dashboard chart (recharts) with its text alternative: the chart is an
// image described by a one-sentence summary, and the exact figures are in a
// table behind a disclosure that keyboard and screen-reader users can open.
// Recharts' own keyboard layer is off: a focusable chart inside role="img"
// would be an unnamed stop for keyboard users, and the table says it all.
import { useFormatter } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TChartDatum = { label: string; value: number };

type TDashboardChartProps = {
  testId: string;
  title: string;
  /** One sentence saying what the chart shows (read instead of the picture). */
  summary: string;
  labelHeader: string;
  valueHeader: string;
  tableToggle: string;
  empty: string;
  data: TChartDatum[];
  kind: "horizontal" | "column" | "line";
  /** Values with a decimal (hours); counts otherwise. */
  decimals?: number;
};

const BRAND = "#1f6b52";
const GRID = "#e7e5e4";

export function DashboardChart(props: TDashboardChartProps) {
  const { testId, title, summary, labelHeader, valueHeader, tableToggle, empty, data, kind, decimals = 0 } = props;
  const format = useFormatter();
  const titleId = useId();
  const summaryId = useId();
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  const value = (n: number) => format.number(n, { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
  const height = kind === "horizontal" ? Math.max(180, data.length * 32 + 40) : 260;
  return (
    <figure
      aria-labelledby={titleId}
      data-testid={testId}
      data-points={data.length}
      data-total={total}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      <h3 id={titleId} className="text-base font-semibold text-stone-900">
        {title}
      </h3>
      {data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{empty}</p>
      ) : (
        <div role="img" aria-labelledby={`${titleId} ${summaryId}`} style={{ height }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height }}>
            {kind === "line" ? (
              <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
                <Tooltip formatter={(v) => [value(Number(v)), valueHeader]} />
                <Line type="monotone" dataKey="value" stroke={BRAND} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            ) : kind === "horizontal" ? (
              <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
                <CartesianGrid stroke={GRID} strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={decimals > 0} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => [value(Number(v)), valueHeader]} />
                <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
              </BarChart>
            ) : (
              <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                <YAxis allowDecimals={decimals > 0} tick={{ fontSize: 12 }} width={40} />
                <Tooltip formatter={(v) => [value(Number(v)), valueHeader]} />
                <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      )}
      <figcaption id={summaryId} className="text-sm text-stone-700">
        {summary}
      </figcaption>
      {data.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">{tableToggle}</summary>
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">{labelHeader}</th>
                <th scope="col" className="py-1 text-right font-medium">{valueHeader}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {data.map((datum) => (
                <tr key={datum.label}>
                  <th scope="row" className="py-1 pr-4 font-normal">{datum.label}</th>
                  <td className="py-1 text-right tabular-nums">{value(datum.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
