"use client";
import type { InputHTMLAttributes } from "react";
import { controlClass } from "./control-class";
import { Field, type TFieldProps } from "./field";

type TTextInputProps = TFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "required">;

export function TextInput({ name, label, hint, errors, optional, id, className, type = "text", ...input }: TTextInputProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} optional={optional} id={id} className={className}>
      {(control) => <input {...input} {...control} type={type} className={controlClass} />}
    </Field>
  );
}
