"use client";
// The sector taxonomy forms: add, rename in both languages, merge one sector
// into another. A rejected form keeps what was typed, with each message beside
// its field; a success refreshes the table.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { addSectorAction, mergeSectorsAction, renameSectorAction } from "@/app/admin/settings/sectors/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { Select, type TOption } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import type { TActionResult } from "@/lib/http/result";

function useRefreshOnSuccess(result: TActionResult<unknown> | null) {
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
}

export function SectorAddForm({ parents }: { parents: TOption[] }) {
  const t = useTranslations("admin.sectors.add");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, action] = useFormAction(addSectorAction);
  useFocusFirstError(form, result);
  useRefreshOnSuccess(result);
  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={action} noValidate className="space-y-4" key={result?.ok ? result.data.id : "add"}>
      <FormError result={result} />
      {result?.ok && <FormSuccess>{t("added", { name: result.data.nameEn, nameJa: result.data.nameJa })}</FormSuccess>}
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput name="nameEn" label={t("nameEn")} maxLength={120} defaultValue={result?.ok ? "" : values.nameEn} errors={errors("nameEn")} />
        <TextInput name="nameJa" label={t("nameJa")} maxLength={120} defaultValue={result?.ok ? "" : values.nameJa} errors={errors("nameJa")} />
        <TextInput name="slug" label={t("slug")} hint={t("slugHint")} maxLength={60} defaultValue={result?.ok ? "" : values.slug} errors={errors("slug")} />
        <Select name="parentId" label={t("parent")} optional placeholder={t("noParent")} options={parents} defaultValue={result?.ok ? "" : values.parentId} errors={errors("parentId")} />
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function SectorRenameForm({ sector }: { sector: { id: string; nameEn: string; nameJa: string } }) {
  const t = useTranslations("admin.sectors.rename");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, action] = useFormAction(renameSectorAction, { nameEn: sector.nameEn, nameJa: sector.nameJa });
  useFocusFirstError(form, result);
  useRefreshOnSuccess(result);
  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={action} noValidate className="mt-2 space-y-3">
      <input type="hidden" name="id" value={sector.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput name="nameEn" label={t("nameEn")} maxLength={120} defaultValue={values.nameEn} errors={errors("nameEn")} />
        <TextInput name="nameJa" label={t("nameJa")} maxLength={120} defaultValue={values.nameJa} errors={errors("nameJa")} />
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("submit")}
        <span className="sr-only"> {sector.nameEn}</span>
      </SubmitButton>
      <FormError result={result} />
      {result?.ok && <FormSuccess>{t("renamed")}</FormSuccess>}
    </form>
  );
}

export function SectorMergeForm({ sectors }: { sectors: TOption[] }) {
  const t = useTranslations("admin.sectors.merge");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, action] = useFormAction(mergeSectorsAction);
  useFocusFirstError(form, result);
  useRefreshOnSuccess(result);
  const errors = (name: string) => fieldErrors(result, name);
  return (
    <form ref={form} action={action} noValidate className="space-y-4">
      <FormError result={result} />
      {result?.ok && (
        <FormSuccess>{t("merged", { listings: result.data.listings, investors: result.data.investorProfiles, children: result.data.children })}</FormSuccess>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Select name="sourceId" label={t("source")} hint={t("sourceHint")} placeholder={t("choose")} options={sectors} defaultValue={result?.ok ? "" : values.sourceId} errors={errors("sourceId")} />
        <Select name="targetId" label={t("target")} hint={t("targetHint")} placeholder={t("choose")} options={sectors} defaultValue={result?.ok ? "" : values.targetId} errors={errors("targetId")} />
      </div>
      <SubmitButton variant="danger" pendingLabel={t("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
