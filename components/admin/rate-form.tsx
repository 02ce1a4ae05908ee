"use client";
// Adds a dated exchange rate. A rejected form keeps what was typed and shows
// each message beside its field.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { addExchangeRateAction } from "@/app/admin/rates/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { Select } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

const CURRENCY_OPTIONS = ["USD", "PKR", "JPY"].map((code) => ({ value: code, label: code }));

export function RateForm({ today }: { today: string }) {
  const t = useTranslations("admin.rates.form");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(addExchangeRateAction, { base: "USD", quote: "PKR", asOf: today });
  useFocusFirstError(form, result);
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      {result?.ok && (
        <FormSuccess>
          {t(result.data.replaced ? "replaced" : "saved", { base: result.data.base, quote: result.data.quote, rate: result.data.rate, date: result.data.asOf })}
        </FormSuccess>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select name="base" label={t("base")} options={CURRENCY_OPTIONS} defaultValue={values.base} errors={errors("base")} />
        <Select name="quote" label={t("quote")} options={CURRENCY_OPTIONS} defaultValue={values.quote} errors={errors("quote")} />
        <TextInput name="rate" label={t("rate")} hint={t("rateHint")} inputMode="decimal" maxLength={24} defaultValue={values.rate} errors={errors("rate")} />
        <TextInput name="asOf" type="date" label={t("date")} max={today} defaultValue={values.asOf} errors={errors("asOf")} />
      </div>
      <TextInput name="source" label={t("source")} hint={t("sourceHint")} optional maxLength={200} defaultValue={values.source} errors={errors("source")} />
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
