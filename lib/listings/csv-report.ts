// CSV import errors ↔ the action contract's field errors ("rows.<row>.<column>"),
// shared by the server and the upload form's report table.
import type { TFieldErrors } from "@/lib/errors";

/** `row` as a spreadsheet numbers it (the header is row 1); `field` is a column name or "_file". */
export type TCsvError = { row: number; field: string; message: string };

export function csvErrorsToFieldErrors(errors: TCsvError[]): TFieldErrors {
  const fieldErrors: TFieldErrors = {};
  for (const error of errors) (fieldErrors[`rows.${error.row}.${error.field}`] ??= []).push(error.message);
  return fieldErrors;
}

/** The inverse, in file order (by row, then by the given column order). Other keys are skipped. */
export function fieldErrorsToCsvErrors(fieldErrors: TFieldErrors | undefined, columnOrder: readonly string[] = []): TCsvError[] {
  return Object.entries(fieldErrors ?? {})
    .flatMap(([key, messages]) => {
      const match = /^rows\.(\d+)\.(.+)$/.exec(key);
      return match ? messages.map((message) => ({ row: Number(match[1]), field: match[2]!, message })) : [];
    })
    .sort((a, b) => a.row - b.row || columnOrder.indexOf(a.field) - columnOrder.indexOf(b.field));
}
