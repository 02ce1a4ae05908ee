"use client";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { controlClass } from "./control-class";
import { Field, type TFieldProps } from "./field";

export type TOption = { value: string; label: string };

type TSelectProps = TFieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className" | "required" | "children"> & {
    /** Simple options; pass children instead for option groups. */
    options?: TOption[];
    /** A first, empty option ("Choose…") that fails validation when left selected. */
    placeholder?: string;
    children?: ReactNode;
  };

export function Select({ name, label, hint, errors, optional, id, className, options, placeholder, children, ...select }: TSelectProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} optional={optional} id={id} className={className}>
      {(control) => (
        // React updates a select's defaultValue only on mount, and resets the form
        // after an action: remount when it changes, so the reset restores what was sent.
        <select key={String(select.defaultValue ?? "")} {...select} {...control} className={controlClass}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}
