"use client";
// The editor's state shared by its sections: the values (controlled, so nothing
// typed is lost when a save or a submission is refused), the field errors of the
// last save or submission, and whether the listing may be edited.
import { createContext, type ReactNode, useContext } from "react";
import type { TListingFormValues } from "@/lib/listings/form-values";

export type TEditorContext = {
  values: TListingFormValues;
  update: (change: (values: TListingFormValues) => TListingFormValues) => void;
  /** Errors for a field; arrays ("tags", "sectorIds") also collect their items' errors. */
  errorsFor: (name: string) => string[] | undefined;
  readOnly: boolean;
};

const EditorContext = createContext<TEditorContext | null>(null);

export function EditorProvider({ value, children }: { value: TEditorContext; children: ReactNode }) {
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): TEditorContext {
  const context = useContext(EditorContext);
  if (!context) throw new Error("useEditor outside the listing editor");
  return context;
}

/** Collects the messages for `name` and, for lists, its items ("tags.0"). */
export function collectErrors(fieldErrors: Record<string, string[]>, name: string, withItems = false): string[] | undefined {
  const messages = Object.entries(fieldErrors)
    .filter(([key]) => key === name || (withItems && new RegExp(`^${name.replace(/\./g, "\\.")}\\.\\d+$`).test(key)))
    .flatMap(([, list]) => list);
  return messages.length ? messages : undefined;
}

export function EditorSection({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}
