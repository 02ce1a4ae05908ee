"use client";
import type { TextareaHTMLAttributes } from "react";
import { controlClass } from "./control-class";
import { Field, type TFieldProps } from "./field";

type TTextAreaProps = TFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className" | "required">;

export function TextArea({ name, label, hint, errors, optional, id, className, rows = 4, ...textarea }: TTextAreaProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} optional={optional} id={id} className={className}>
      {(control) => <textarea {...textarea} {...control} rows={rows} className={controlClass} />}
    </Field>
  );
}
