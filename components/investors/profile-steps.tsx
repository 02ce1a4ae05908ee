"use client";
// The four steps of the investment profile wizard. Each one is controlled by the
// wizard's draft and shows the errors of its own fields.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextInput } from "@/components/forms/text-input";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import type { TFieldErrors } from "@/lib/errors";
import { INSTRUMENTS, PROFILE_CURRENCIES, PROVINCES, STAGES } from "@/lib/investors/schemas";
import type { TSectorGroup } from "@/lib/sectors/queries";
import type { TProfileDraft } from "./profile-draft";

type TStepProps = {
  draft: TProfileDraft;
  update: (patch: Partial<TProfileDraft>) => void;
  errors: TFieldErrors;
};

/** The errors of a field and of its items ("districts" and "districts.3"). */
function errorsOf(errors: TFieldErrors, name: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
  return found.length ? found : undefined;
}

const toggle = (list: string[], value: string, checked: boolean) => (checked ? [...new Set([...list, value])] : list.filter((entry) => entry !== value));

export function SectorsStep({ draft, update, errors, sectors }: TStepProps & { sectors: TSectorGroup[] }) {
  const t = useTranslations("investorProfile.sectors");
  const translate = useTranslateMessage();
  const id = useId();
  const fieldErrors = errorsOf(errors, "sectorIds");
  const errorId = fieldErrors ? `${id}-error` : undefined;
  const onToggle = (value: string, checked: boolean) => update({ sectorIds: toggle(draft.sectorIds, value, checked) });
  const box = (value: string, label: string, strong = false) => (
    <label className={`flex items-center gap-2 text-sm ${strong ? "font-medium" : ""}`}>
      <input
        type="checkbox"
        name="sectorIds"
        value={value}
        checked={draft.sectorIds.includes(value)}
        aria-invalid={errorId ? true : undefined}
        onChange={(event) => onToggle(value, event.target.checked)}
        className="size-4 rounded border-stone-300 text-brand-600"
      />
      {label}
    </label>
  );
  return (
    <fieldset aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(" ")} data-field="sectorIds">
      <legend className="text-sm font-medium text-stone-800">{t("legend")}</legend>
      <p id={`${id}-hint`} className="text-sm text-stone-600">
        {t("hint")}
      </p>
      {errorId && (
        <p id={errorId} className="text-sm text-red-700">
          {[...new Set(fieldErrors)].map((message) => translate(message)).join(" ")}
        </p>
      )}
      <ul className="mt-3 grid gap-4 sm:grid-cols-2">
        {sectors.map((group) => (
          <li key={group.id}>
            {box(group.id, group.children.length ? t("all", { name: group.name }) : group.name, true)}
            {group.children.length > 0 && (
              <ul className="mt-1 space-y-1 border-l border-stone-200 pl-5">
                {group.children.map((child) => (
                  <li key={child.id}>{box(child.id, child.name)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function TicketStep({ draft, update, errors }: TStepProps) {
  const t = useTranslations("investorProfile.ticket");
  return (
    <div className="space-y-4">
      <Select
        name="ticketCurrency"
        label={t("currency")}
        hint={t("currencyHint")}
        errors={errorsOf(errors, "ticketCurrency")}
        value={draft.ticketCurrency}
        onChange={(event) => update({ ticketCurrency: event.target.value as TProfileDraft["ticketCurrency"] })}
        options={PROFILE_CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          name="ticketMin"
          label={t("min")}
          hint={t("amountHint")}
          inputMode="decimal"
          autoComplete="off"
          errors={errorsOf(errors, "ticketMin")}
          value={draft.ticketMin}
          onChange={(event) => update({ ticketMin: event.target.value })}
        />
        <TextInput
          name="ticketMax"
          label={t("max")}
          hint={t("amountHint")}
          inputMode="decimal"
          autoComplete="off"
          errors={errorsOf(errors, "ticketMax")}
          value={draft.ticketMax}
          onChange={(event) => update({ ticketMax: event.target.value })}
        />
      </div>
    </div>
  );
}

export function LocationStep({ draft, update, errors }: TStepProps) {
  const t = useTranslations("investorProfile.location");
  const te = useTranslations("enums.province");
  const radio = (anywhere: boolean, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="radio"
        name="anywhereInPakistan"
        value={String(anywhere)}
        checked={draft.anywhereInPakistan === anywhere}
        onChange={() => update({ anywhereInPakistan: anywhere })}
        className="size-4 border-stone-300 text-brand-600"
      />
      {label}
    </label>
  );
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("legend")}</legend>
        <div className="mt-2 space-y-1">
          {radio(true, t("anywhere"))}
          {radio(false, t("specific"))}
        </div>
      </fieldset>
      {!draft.anywhereInPakistan && (
        <>
          <CheckboxGroup
            name="provinces"
            legend={t("provinces")}
            errors={errorsOf(errors, "provinces")}
            options={PROVINCES.map((province) => ({ value: province, label: te(province) }))}
            selected={draft.provinces}
            onToggle={(value, checked) => update({ provinces: toggle(draft.provinces, value, checked) })}
          />
          <TextArea
            name="districts"
            label={t("districts")}
            hint={t("districtsHint")}
            optional
            rows={4}
            errors={errorsOf(errors, "districts")}
            value={draft.districtsText}
            onChange={(event) => update({ districtsText: event.target.value })}
          />
        </>
      )}
    </div>
  );
}

export function DetailsStep({ draft, update, errors }: TStepProps) {
  const t = useTranslations("investorProfile.details");
  const ti = useTranslations("enums.instrument");
  const ts = useTranslations("enums.stage");
  return (
    <div className="space-y-5">
      <CheckboxGroup
        name="instruments"
        legend={t("instruments")}
        errors={errorsOf(errors, "instruments")}
        options={INSTRUMENTS.map((instrument) => ({ value: instrument, label: ti(instrument) }))}
        selected={draft.instruments}
        onToggle={(value, checked) => update({ instruments: toggle(draft.instruments, value, checked) })}
      />
      <CheckboxGroup
        name="stages"
        legend={t("stages")}
        errors={errorsOf(errors, "stages")}
        options={STAGES.map((stage) => ({ value: stage, label: ts(stage) }))}
        selected={draft.stages}
        onToggle={(value, checked) => update({ stages: toggle(draft.stages, value, checked) })}
      />
      <TextInput
        name="horizonYears"
        label={t("horizon")}
        hint={t("horizonHint")}
        optional
        inputMode="numeric"
        className="space-y-1 sm:max-w-xs"
        errors={errorsOf(errors, "horizonYears")}
        value={draft.horizonYears}
        onChange={(event) => update({ horizonYears: event.target.value })}
      />
      <TextArea
        name="thesis"
        label={t("thesis")}
        hint={t("thesisHint")}
        optional
        rows={6}
        maxLength={4000}
        errors={errorsOf(errors, "thesis")}
        value={draft.thesis}
        onChange={(event) => update({ thesis: event.target.value })}
      />
    </div>
  );
}
