"use client";
// Upload of a listings CSV. A file with any bad row imports nothing; the report
// lists every problem by row and column so the file can be fixed in one pass.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { importListingsCsvAction } from "@/app/staff/listings/import/actions";
import { controlClass } from "@/components/forms/control-class";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import type { TActionResult } from "@/lib/http/result";
import { MAX_CSV_BYTES } from "@/lib/listings/csv-limits";
import { fieldErrorsToCsvErrors } from "@/lib/listings/csv-report";

type TImportResult = TActionResult<{ imported: number; listingIds: string[] }>;

export function CsvImportForm({ columnOrder }: { columnOrder: string[] }) {
  const t = useTranslations("listingImport");
  const translate = useTranslateMessage();
  const [result, action] = useActionState<TImportResult | null, FormData>((previous, formData) => importListingsCsvAction(previous, formData), null);
  const [tooLarge, setTooLarge] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const lines = result && !result.ok ? fieldErrorsToCsvErrors(result.fieldErrors, columnOrder) : [];
  const fileErrors = result && !result.ok ? result.fieldErrors?.file ?? result.fieldErrors?.csv : undefined;
  const fileError = tooLarge ? ["errors.csv.tooLarge"] : fileErrors;
  const columnLabel = (field: string) => (field === "_file" ? t("wholeFile") : field);

  return (
    <div className="space-y-4">
      <form
        action={action}
        className="space-y-4"
        onSubmit={(event) => {
          const file = input.current?.files?.[0];
          const large = Boolean(file && file.size > MAX_CSV_BYTES);
          setTooLarge(large);
          if (large) event.preventDefault();
        }}
      >
        <div className="space-y-1">
          <label htmlFor="csv-file" className="block text-sm font-medium text-stone-800">
            {t("file")}
          </label>
          <input
            ref={input}
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "csv-file-error csv-file-hint" : "csv-file-hint"}
            className={controlClass}
          />
          {fileError && (
            <p id="csv-file-error" className="text-sm text-red-700">
              {fileError.map((message) => translate(message)).join(" ")}
            </p>
          )}
          <p id="csv-file-hint" className="text-sm text-stone-600">
            {t("fileHint")}
          </p>
        </div>
        <SubmitButton pendingLabel={t("importing")}>{t("import")}</SubmitButton>
      </form>

      <div aria-live="polite" className="space-y-3">
        {result?.ok && (
          <FormSuccess>
            {t("imported", { count: result.data.imported })}{" "}
            <Link href="/staff/listings" className="underline">
              {t("viewDrafts")}
            </Link>
          </FormSuccess>
        )}
        {result && !result.ok && !fileErrors && <FormError result={result} />}
      </div>

      {lines.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="csv-errors">
            <caption className="mb-2 text-left font-medium text-red-800">{t("reportCaption", { count: lines.length })}</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("row")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("column")}</th>
                <th scope="col" className="py-2 font-medium">{t("problem")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {lines.map((line, index) => (
                <tr key={`${line.row}-${line.field}-${index}`}>
                  <td className="py-2 pr-4 tabular-nums">{line.row}</td>
                  <td className="py-2 pr-4 font-mono">{columnLabel(line.field)}</td>
                  <td className="py-2">{translate(line.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
