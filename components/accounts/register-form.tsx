"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { FormError } from "@/components/forms/form-message";
import { Select, type TOption } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { OutcomePanel } from "@/components/forms/outcome-panel";
import { registerInvestorAction } from "@/app/(auth)/actions";
import { usePasswordHint } from "./password-hint";

type TRegisterFormProps = {
  countries: { pinned: TOption[]; others: TOption[] };
  localeOptions: TOption[];
  defaultLocale: string;
};

export function RegisterForm({ countries, localeOptions, defaultLocale }: TRegisterFormProps) {
  const t = useTranslations("auth.register");
  const tf = useTranslations("auth.fields");
  const passwordHint = usePasswordHint();
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(registerInvestorAction, { locale: defaultLocale });
  useFocusFirstError(form, result);

  if (result?.ok) {
    return (
      <OutcomePanel tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody", { email: values.email ?? "" })}</p>
        <p>{t("successSpam")}</p>
      </OutcomePanel>
    );
  }

  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      <TextInput name="name" label={tf("name")} autoComplete="name" maxLength={120} defaultValue={values.name} errors={errors("name")} />
      <TextInput
        name="organizationName"
        label={tf("organization")}
        hint={t("organizationHint")}
        autoComplete="organization"
        maxLength={200}
        defaultValue={values.organizationName}
        errors={errors("organizationName")}
      />
      <Select name="country" label={tf("country")} autoComplete="country" placeholder={tf("choose")} defaultValue={values.country ?? ""} errors={errors("country")}>
        {countries.pinned.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        <optgroup label={tf("otherCountries")}>
          {countries.others.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      </Select>
      <TextInput name="email" type="email" label={tf("email")} autoComplete="email" maxLength={254} defaultValue={values.email} errors={errors("email")} />
      <TextInput name="password" type="password" label={tf("password")} hint={passwordHint} autoComplete="new-password" maxLength={128} errors={errors("password")} />
      <Select name="locale" label={tf("emailLanguage")} hint={tf("emailLanguageHint")} options={localeOptions} defaultValue={values.locale} errors={errors("locale")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
