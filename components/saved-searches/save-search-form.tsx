"use client";
// "Save this search" on the opportunities page: the current filters (as the
// page's URL query) under a name, with or without alerts. Collapsed by default
// so it never competes with the search itself; opens again on an error.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { createSavedSearchAction } from "@/app/(public)/opportunities/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import { OutcomePanel } from "@/components/forms/outcome-panel";

export function SaveSearchForm({ query, suggestedName, nameMax }: { query: string; suggestedName: string; nameMax: number }) {
  const t = useTranslations("savedSearches.save");
  const translate = useTranslateMessage();
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(createSavedSearchAction, { name: suggestedName });
  useFocusFirstError(form, result);
  const queryErrors = result && !result.ok ? Object.entries(result.fieldErrors ?? {}).filter(([key]) => key.startsWith("query")) : [];

  return (
    <details className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" open={Boolean(result)} data-testid="save-search">
      <summary className="cursor-pointer font-medium text-brand-700">{t("open")}</summary>
      {result?.ok ? (
        <OutcomePanel tone="success" title={t("saved", { name: result.data.name })} role="status">
          <p>{result.data.alert ? t("savedWithAlert") : t("savedNoAlert")}</p>
          <p>
            <Link href="/investor/searches" className="font-medium underline">
              {t("manage")}
            </Link>
          </p>
        </OutcomePanel>
      ) : (
        <form ref={form} action={formAction} noValidate className="mt-3 space-y-3">
          <FormError result={result} />
          {queryErrors.length > 0 && (
            <ul className="list-disc pl-5 text-sm text-red-700">
              {queryErrors.flatMap(([key, messages]) => messages.map((message) => <li key={`${key}-${message}`}>{translate(message)}</li>))}
            </ul>
          )}
          <input type="hidden" name="query" value={query} />
          <TextInput name="name" label={t("name")} hint={t("nameHint")} maxLength={nameMax} defaultValue={values.name} errors={fieldErrors(result, "name")} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="alert" defaultChecked={result ? values.alert === "on" : true} className="mt-0.5 size-4 accent-brand-600" />
            <span>
              <span className="font-medium">{t("alert")}</span>
              <span className="block text-stone-600">{t("alertHint")}</span>
            </span>
          </label>
          <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
        </form>
      )}
    </details>
  );
}
