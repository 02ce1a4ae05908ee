"use client";
// A group of checkboxes in a fieldset: the legend names the group, the hint and
// the errors are announced with it, and each box has its own label.
import { type ReactNode, useId } from "react";
import { useTranslateMessage } from "./use-translate-message";

export type TCheckboxOption = { value: string; label: string; disabled?: boolean };

type TCheckboxGroupProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: TCheckboxOption[];
  selected: string[];
  onToggle: (value: string, checked: boolean) => void;
  columns?: 1 | 2 | 3;
};

const COLUMNS = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-2 lg:grid-cols-3" } as const;

export function CheckboxGroup({ name, legend, hint, errors, options, selected, onToggle, columns = 2 }: TCheckboxGroupProps) {
  const translate = useTranslateMessage();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined} aria-invalid={errorId ? true : undefined} data-field={name}>
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700">
          {[...new Set(errors)].map((message) => translate(message)).join(" ")}
        </p>
      )}
      <div className={`mt-2 grid gap-x-4 gap-y-1 ${COLUMNS[columns]}`}>
        {options.map((option) => (
          <label key={option.value} className={`flex items-center gap-2 text-sm ${option.disabled ? "text-stone-400" : ""}`}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              disabled={option.disabled}
              aria-invalid={errorId ? true : undefined}
              onChange={(event) => onToggle(option.value, event.target.checked)}
              className="size-4 rounded border-stone-300 text-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
