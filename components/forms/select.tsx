"use client";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { controlClass, Field, type TFieldProps } from "./field";

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
        <select {...select} {...control} className={controlClass}>
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
