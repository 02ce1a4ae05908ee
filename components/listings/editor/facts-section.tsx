"use client";
// The facts that depend on the kind: zone (SEZ, industrial estate), plot, project.
import { useTranslations } from "next-intl";
import { Select } from "@/components/forms/select";
import { TextArea } from "@/components/forms/text-area";
import { TextInput } from "@/components/forms/text-input";
import type { TMoneyValues } from "@/lib/listings/form-values";
import { CURRENCIES } from "@/lib/listings/schemas";
import { EditorSection, useEditor } from "./editor-context";

type TNumberFact = { key: string; inputMode: "decimal" | "numeric"; unit?: string };

function useFact() {
  const { values, update, errorsFor } = useEditor();
  const text = (key: string) => {
    const value = values.facts[key];
    return typeof value === "string" ? value : "";
  };
  const setText = (key: string) => (event: { target: { value: string } }) =>
    update((current) => ({ ...current, facts: { ...current.facts, [key]: event.target.value } }));
  const money = (key: string): TMoneyValues => {
    const value = values.facts[key];
    return typeof value === "object" ? value : { amount: "", currency: "USD" };
  };
  const setMoney = (key: string, change: Partial<TMoneyValues>) =>
    update((current) => {
      const previous = current.facts[key];
      const base = typeof previous === "object" ? previous : { amount: "", currency: "USD" };
      return { ...current, facts: { ...current.facts, [key]: { ...base, ...change } } };
    });
  return { text, setText, money, setMoney, errorsFor };
}

function NumberFacts({ facts }: { facts: TNumberFact[] }) {
  const t = useTranslations("listingEditor.facts");
  const { text, setText, errorsFor } = useFact();
  return (
    <>
      {facts.map((fact) => (
        <TextInput
          key={fact.key}
          name={`facts.${fact.key}`}
          label={t(fact.key)}
          optional
          inputMode={fact.inputMode}
          value={text(fact.key)}
          onChange={setText(fact.key)}
          errors={errorsFor(`facts.${fact.key}`)}
          maxLength={20}
        />
      ))}
    </>
  );
}

function ZoneFacts() {
  const t = useTranslations("listingEditor.facts");
  const { text, setText, errorsFor } = useFact();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <NumberFacts facts={[{ key: "areaAcres", inputMode: "decimal" }]} />
      <TextInput name="facts.developer" label={t("developer")} optional value={text("developer")} onChange={setText("developer")} errors={errorsFor("facts.developer")} maxLength={200} />
      <NumberFacts facts={[{ key: "plotsAvailable", inputMode: "numeric" }, { key: "powerMw", inputMode: "decimal" }]} />
      <Select
        name="facts.gas"
        label={t("gas")}
        optional
        value={text("gas")}
        onChange={setText("gas")}
        errors={errorsFor("facts.gas")}
        options={[
          { value: "", label: t("notStated") },
          { value: "available", label: t("gasAvailable") },
          { value: "planned", label: t("gasPlanned") },
          { value: "none", label: t("gasNone") },
        ]}
      />
      <NumberFacts
        facts={[
          { key: "waterMgd", inputMode: "decimal" },
          { key: "motorwayKm", inputMode: "decimal" },
          { key: "portKm", inputMode: "decimal" },
          { key: "airportKm", inputMode: "decimal" },
        ]}
      />
      <TextInput name="facts.plotSizes" label={t("plotSizes")} hint={t("plotSizesHint")} optional value={text("plotSizes")} onChange={setText("plotSizes")} errors={errorsFor("facts.plotSizes")} maxLength={200} />
      <NumberFacts facts={[{ key: "pricePerAcrePkr", inputMode: "decimal" }]} />
    </div>
  );
}

function PlotFacts() {
  const t = useTranslations("listingEditor.facts");
  const { text, setText, errorsFor } = useFact();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <NumberFacts facts={[{ key: "areaAcres", inputMode: "decimal" }, { key: "pricePerAcrePkr", inputMode: "decimal" }]} />
      <Select
        name="facts.tenure"
        label={t("tenure")}
        optional
        value={text("tenure")}
        onChange={setText("tenure")}
        errors={errorsFor("facts.tenure")}
        options={[
          { value: "", label: t("notStated") },
          { value: "sale", label: t("tenureSale") },
          { value: "lease", label: t("tenureLease") },
          { value: "either", label: t("tenureEither") },
        ]}
      />
      <TextInput name="facts.developer" label={t("developer")} optional value={text("developer")} onChange={setText("developer")} errors={errorsFor("facts.developer")} maxLength={200} />
    </div>
  );
}

function MoneyFact({ factKey }: { factKey: "totalCost" | "financingSought" }) {
  const t = useTranslations("listingEditor.facts");
  const { money, setMoney, errorsFor } = useFact();
  const value = money(factKey);
  return (
    <div className="grid grid-cols-[2fr_1fr] gap-2">
      <TextInput
        name={`facts.${factKey}.amount`}
        label={t(factKey)}
        optional
        inputMode="decimal"
        value={value.amount}
        onChange={(event) => setMoney(factKey, { amount: event.target.value })}
        errors={errorsFor(`facts.${factKey}.amount`) ?? errorsFor(`facts.${factKey}`)}
        maxLength={20}
      />
      <Select
        name={`facts.${factKey}.currency`}
        label={t("currencyOf", { field: t(factKey) })}
        value={value.currency}
        onChange={(event) => setMoney(factKey, { currency: event.target.value })}
        errors={errorsFor(`facts.${factKey}.currency`)}
        options={CURRENCIES.map((currency) => ({ value: currency, label: currency }))}
      />
    </div>
  );
}

function ProjectFacts() {
  const t = useTranslations("listingEditor.facts");
  const { text, setText, errorsFor } = useFact();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextInput name="facts.sponsor" label={t("sponsor")} optional value={text("sponsor")} onChange={setText("sponsor")} errors={errorsFor("facts.sponsor")} maxLength={200} />
      <span className="hidden md:block" />
      <MoneyFact factKey="totalCost" />
      <MoneyFact factKey="financingSought" />
      <TextInput name="facts.timelineStart" type="date" label={t("timelineStart")} optional value={text("timelineStart")} onChange={setText("timelineStart")} errors={errorsFor("facts.timelineStart")} />
      <TextInput name="facts.timelineEnd" type="date" label={t("timelineEnd")} optional value={text("timelineEnd")} onChange={setText("timelineEnd")} errors={errorsFor("facts.timelineEnd")} />
      <TextArea
        name="facts.milestones"
        label={t("milestones")}
        hint={t("milestonesHint")}
        optional
        className="space-y-1 md:col-span-2"
        value={text("milestones")}
        onChange={setText("milestones")}
        errors={errorsFor("facts.milestones")}
        maxLength={2000}
      />
    </div>
  );
}

export function FactsSection() {
  const t = useTranslations("listingEditor");
  const te = useTranslations("enums.kind");
  const { values } = useEditor();
  const kind = values.kind;
  return (
    <EditorSection id="facts" title={t("sections.facts", { kind: te(kind) })} description={t("sections.factsIntro")}>
      {kind === "SEZ" || kind === "INDUSTRIAL_ESTATE" ? <ZoneFacts /> : kind === "PLOT" ? <PlotFacts /> : <ProjectFacts />}
    </EditorSection>
  );
}
