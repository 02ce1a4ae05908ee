"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { requestStaffAccessAction } from "@/app/(auth)/actions";
import { FormError } from "@/components/forms/form-message";
import { Select, type TOption } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { OutcomePanel } from "@/components/forms/outcome-panel";
import { usePasswordHint } from "./password-hint";

type TRequestAccessFormProps = { agencies: TOption[]; localeOptions: TOption[]; defaultLocale: string };

export function RequestAccessForm({ agencies, localeOptions, defaultLocale }: TRequestAccessFormProps) {
  const t = useTranslations("auth.requestAccess");
  const tf = useTranslations("auth.fields");
  const passwordHint = usePasswordHint();
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(requestStaffAccessAction, { locale: defaultLocale });
  useFocusFirstError(form, result);

  if (result?.ok) {
    return (
      <OutcomePanel tone="success" role="status" title={t("successTitle")}>
        <p>{t("successBody")}</p>
      </OutcomePanel>
    );
  }

  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      <TextInput name="name" label={tf("name")} autoComplete="name" maxLength={120} defaultValue={values.name} errors={errors("name")} />
      <TextInput
        name="jobTitle"
        label={tf("jobTitle")}
        optional
        autoComplete="organization-title"
        maxLength={120}
        defaultValue={values.jobTitle}
        errors={errors("jobTitle")}
      />
      <Select
        name="agencyId"
        label={tf("agency")}
        hint={t("agencyHint")}
        placeholder={tf("choose")}
        options={agencies}
        defaultValue={values.agencyId ?? ""}
        errors={errors("agencyId")}
      />
      <TextInput name="email" type="email" label={tf("workEmail")} autoComplete="email" maxLength={254} defaultValue={values.email} errors={errors("email")} />
      <TextInput name="password" type="password" label={tf("password")} hint={passwordHint} autoComplete="new-password" maxLength={128} errors={errors("password")} />
      <Select name="locale" label={tf("emailLanguage")} hint={tf("emailLanguageHint")} options={localeOptions} defaultValue={values.locale} errors={errors("locale")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
