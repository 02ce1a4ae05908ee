// The kind-specific facts of an opportunity, labelled as in the staff editor,
// plus any further facts the source published (the seed's nested JSON), shown
// as they were given. Text is rendered as text: React escapes it.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FACT_KEYS, type TListingKind } from "@/lib/listings/schemas";
import { formatMoneyCompact, type TCurrency } from "@/lib/money/format";
import { parseMajorToMinor } from "@/lib/money/parse";
import type { TLocale } from "@/lib/i18n/config";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCIES = new Set(["USD", "PKR", "JPY"]);

function isMoney(value: unknown): value is { amount: string; currency: TCurrency } {
  return Boolean(value) && typeof value === "object" && typeof (value as { amount?: unknown }).amount === "string" && CURRENCIES.has((value as { currency?: string }).currency ?? "");
}

/** camelCase → "Camel case", for keys the source chose (not UI text of ours). */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export async function FactList({ kind, facts, columns, locale }: { kind: TListingKind; facts: Record<string, unknown>; columns: Record<string, string | number | null>; locale: TLocale }) {
  const t = await getTranslations("listingEditor.facts");
  const format = await getFormatter();

  const show = (key: string, value: unknown): ReactNode => {
    if (isMoney(value)) {
      const minor = parseMajorToMinor(value.amount, value.currency);
      return minor === null ? `${value.amount} ${value.currency}` : formatMoneyCompact(minor, value.currency, locale);
    }
    if (key === "gas" && typeof value === "string") return t.has(`gas${value.charAt(0).toUpperCase()}${value.slice(1)}`) ? t(`gas${value.charAt(0).toUpperCase()}${value.slice(1)}` as "gasAvailable") : value;
    if (key === "tenure" && typeof value === "string") return t.has(`tenure${value.charAt(0).toUpperCase()}${value.slice(1)}`) ? t(`tenure${value.charAt(0).toUpperCase()}${value.slice(1)}` as "tenureSale") : value;
    if (key === "areaAcres" && typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) return format.number(Number(value));
    if (key === "pricePerAcrePkr" && (typeof value === "string" || typeof value === "number")) {
      const minor = parseMajorToMinor(String(value), "PKR");
      return minor === null ? String(value) : formatMoneyCompact(minor, "PKR", locale);
    }
    return generic(value, key);
  };

  const generic = (value: unknown, key = ""): ReactNode => {
    if (value === null || value === undefined || value === "") return "—";
    // A year is not a quantity: 2026, not 2,026.
    if (typeof value === "number" && /(^|[a-z])(from|to|year|since|until)$/i.test(key) && Number.isInteger(value)) return String(value);
    if (typeof value === "number") return format.number(value);
    if (typeof value === "boolean") return value ? "✓" : "—";
    if (typeof value === "string") return ISO_DATE.test(value) ? format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : value;
    if (Array.isArray(value)) {
      if (value.every((entry) => typeof entry !== "object" || entry === null)) return value.map((entry) => String(entry)).join(", ");
      return (
        <ul className="list-disc space-y-1 pl-5">
          {value.map((entry, index) => (
            <li key={index}>{generic(entry)}</li>
          ))}
        </ul>
      );
    }
    if (typeof value === "object") {
      return (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3">
          {Object.entries(value as Record<string, unknown>).map(([key, entry]) => (
            <div key={key} className="contents">
              <dt className="text-stone-500">{humanise(key)}</dt>
              <dd>{generic(entry, key)}</dd>
            </div>
          ))}
        </dl>
      );
    }
    return String(value);
  };

  const known = FACT_KEYS[kind].map((key) => [key, key in columns ? columns[key] : facts[key]] as const).filter(([, value]) => value !== null && value !== undefined && value !== "");
  const further = Object.entries(facts).filter(([key]) => !FACT_KEYS[kind].includes(key) && !(key in columns));

  return (
    <>
      {known.length > 0 && (
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {known.map(([key, value]) => (
            <div key={key}>
              <dt className="text-sm text-stone-500">{t.has(key) ? t(key as "sponsor") : humanise(key)}</dt>
              <dd className="font-medium">{show(key, value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {further.length > 0 && (
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2" data-testid="further-facts">
          {further.map(([key, value]) => (
            <div key={key}>
              <dt className="text-stone-500">{humanise(key)}</dt>
              <dd>{generic(value, key)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
