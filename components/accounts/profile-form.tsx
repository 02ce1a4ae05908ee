"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { updateAccountAction } from "@/app/account/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { Select, type TOption } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

type TProfileFormProps = {
  initial: { name: string; locale: string; notificationMode: string };
  localeOptions: TOption[];
  notificationOptions: TOption[];
};

export function ProfileForm({ initial, localeOptions, notificationOptions }: TProfileFormProps) {
  const t = useTranslations("account.profile");
  const tf = useTranslations("auth.fields");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(updateAccountAction, initial);
  useFocusFirstError(form, result);
  const router = useRouter();
  // The header shows the name: re-render the server parts after a save.
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-4">
      <FormError result={result} />
      {result?.ok && <FormSuccess>{t("saved")}</FormSuccess>}
      <TextInput name="name" label={tf("name")} autoComplete="name" maxLength={120} defaultValue={values.name} errors={errors("name")} />
      <Select name="locale" label={tf("emailLanguage")} hint={tf("emailLanguageHint")} options={localeOptions} defaultValue={values.locale} errors={errors("locale")} />
      <Select
        name="notificationMode"
        label={t("notificationMode")}
        hint={t("notificationModeHint")}
        options={notificationOptions}
        defaultValue={values.notificationMode}
        errors={errors("notificationMode")}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
