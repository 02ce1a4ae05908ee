"use client";
// Location, investment size, instruments, stage and Japan-relevant tags.
import { useTranslations } from "next-intl";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Select } from "@/components/forms/select";
import { TextInput } from "@/components/forms/text-input";
import { CURRENCIES, INSTRUMENTS, PROVINCES, STAGES } from "@/lib/listings/schemas";
import { EditorSection, useEditor } from "./editor-context";

export function LocationSection() {
  const t = useTranslations("listingEditor");
  const te = useTranslations("enums");
  const { values, update, errorsFor } = useEditor();
  const set = (key: "province" | "district" | "zone") => (event: { target: { value: string } }) =>
    update((current) => ({ ...current, [key]: event.target.value }));
  return (
    <EditorSection id="location" title={t("sections.location")}>
      <div className="grid gap-4 md:grid-cols-3">
        <Select
          name="province"
          label={t("fields.province")}
          value={values.province}
          onChange={set("province")}
          errors={errorsFor("province")}
          optional
          options={[{ value: "", label: t("fields.nationwide") }, ...PROVINCES.map((province) => ({ value: province, label: te(`province.${province}`) }))]}
        />
        <TextInput name="district" label={t("fields.district")} optional value={values.district} onChange={set("district")} errors={errorsFor("district")} maxLength={100} />
        <TextInput name="zone" label={t("fields.zone")} hint={t("fields.zoneHint")} optional value={values.zone} onChange={set("zone")} errors={errorsFor("zone")} maxLength={100} />
      </div>
    </EditorSection>
  );
}

export function InvestmentSection() {
  const t = useTranslations("listingEditor");
  const te = useTranslations("enums");
  const { values, update, errorsFor } = useEditor();
  return (
    <EditorSection id="investment" title={t("sections.investment")}>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <TextInput
          name="investment.amount"
          label={t("fields.amount")}
          hint={t("fields.amountHint")}
          optional
          inputMode="decimal"
          value={values.investment.amount}
          onChange={(event) => update((current) => ({ ...current, investment: { ...current.investment, amount: event.target.value } }))}
          errors={errorsFor("investment.amount")}
          maxLength={20}
        />
        <Select
          name="investment.currency"
          label={t("fields.currency")}
          value={values.investment.currency}
          onChange={(event) => update((current) => ({ ...current, investment: { ...current.investment, currency: event.target.value } }))}
          errors={errorsFor("investment.currency")}
          options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
        />
      </div>
      <CheckboxGroup
        name="instruments"
        legend={t("fields.instruments")}
        hint={t("fields.instrumentsHint")}
        errors={errorsFor("instruments")}
        options={INSTRUMENTS.map((instrument) => ({ value: instrument, label: te(`instrument.${instrument}`) }))}
        selected={values.instruments}
        columns={3}
        onToggle={(value, checked) =>
          update((current) => ({
            ...current,
            instruments: checked ? [...current.instruments, value] : current.instruments.filter((instrument) => instrument !== value),
          }))
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Select
          name="stage"
          label={t("fields.stage")}
          placeholder={t("fields.choose")}
          value={values.stage}
          onChange={(event) => update((current) => ({ ...current, stage: event.target.value }))}
          errors={errorsFor("stage")}
          options={STAGES.map((stage) => ({ value: stage, label: te(`stage.${stage}`) }))}
        />
        <TextInput
          name="tags"
          label={t("fields.tags")}
          hint={t("fields.tagsHint")}
          optional
          value={values.tags}
          onChange={(event) => update((current) => ({ ...current, tags: event.target.value }))}
          errors={errorsFor("tags")}
          maxLength={400}
        />
      </div>
    </EditorSection>
  );
}
