// Input and select styles, usable from server and client components.
export const controlClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm sm:text-sm " +
  "focus:border-brand-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 disabled:bg-stone-100";
