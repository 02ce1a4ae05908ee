// The search parameters of the opportunities page, GET /api/v1/listings and the
// CSV export: one zod schema, parsed from a URL query and written back to one,
// so that every filter lives in the URL and a shared link gives the same
// results. Unknown parameters and unknown values are field errors, never
// silently dropped. Messages are catalog keys.
import { z } from "zod";
import { CURRENCIES, INSTRUMENTS, LISTING_KINDS, PROVINCES, STAGES } from "./schemas";

/** Investment-size bands on amountUsdCents; [min, max) in USD cents, null = open. */
export const SIZE_BANDS = {
  lt1m: [null, 100_000_000n],
  "1m-10m": [100_000_000n, 1_000_000_000n],
  "10m-100m": [1_000_000_000n, 10_000_000_000n],
  "100m-1b": [10_000_000_000n, 100_000_000_000n],
  gt1b: [100_000_000_000n, null],
} as const satisfies Record<string, readonly [bigint | null, bigint | null]>;
export type TSizeBand = keyof typeof SIZE_BANDS;
export const SIZE_BAND_KEYS = Object.keys(SIZE_BANDS) as TSizeBand[];

export const SEARCH_SORTS = ["relevance", "newest", "size"] as const;
export type TSearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_LIMIT = { default: 20, max: 100 } as const;
const MAX_VALUES = 20;

/** Repeated keys and comma-separated values both become a list ("province=PUNJAB,SINDH"). */
function toList(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((entry) => (typeof entry === "string" ? entry.split(",") : [entry])).map((entry) => (typeof entry === "string" ? entry.trim() : entry)).filter((entry) => entry !== "");
}

const upper = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : value);

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => [...new Set((toList(value) as unknown[]).map(upper))],
    z.array(z.enum(values, { error: "errors.field.invalidChoice" })).max(MAX_VALUES, "errors.field.tooMany"),
  );

/** A single value: a repeated key is an error, not a silent pick of the first. */
const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value, ctx) => {
    if (!Array.isArray(value)) return value;
    if (value.length > 1) ctx.addIssue({ code: "custom", message: "errors.search.repeated", input: value });
    return value[0];
  }, schema);

const optionalText = (max: number) =>
  single(
    z
      .string({ error: "errors.field.invalidChoice" })
      .trim()
      .max(max, "errors.field.tooLong")
      .optional()
      .transform((value) => (value ? value : undefined)),
  );

export const ZSearchParams = z.strictObject(
  {
    q: optionalText(200),
    /** Sector slugs; a parent also matches its children. */
    sector: z.preprocess(
      (value) => [...new Set((toList(value) as unknown[]).map((entry) => (typeof entry === "string" ? entry.toLowerCase() : entry)))],
      z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "errors.search.unknownSector")).max(MAX_VALUES, "errors.field.tooMany"),
    ),
    province: enumList(PROVINCES),
    district: optionalText(100),
    kind: enumList(LISTING_KINDS),
    stage: enumList(STAGES),
    instrument: enumList(INSTRUMENTS),
    size: z.preprocess(
      (value) => [...new Set(toList(value) as unknown[])],
      z.array(z.enum(SIZE_BAND_KEYS as [TSizeBand, ...TSizeBand[]], { error: "errors.field.invalidChoice" })),
    ),
    sort: single(z.enum(SEARCH_SORTS, { error: "errors.field.invalidChoice" }).default("relevance")),
    /** Opaque keyset cursor from a previous page (nextCursor). */
    cursor: single(
      z
        .string({ error: "errors.search.cursor" })
        .regex(/^[A-Za-z0-9_-]{1,400}$/, "errors.search.cursor")
        .optional(),
    ),
    limit: single(
      z.coerce
        .number({ error: "errors.field.integer" })
        .int("errors.field.integer")
        .min(1, "errors.field.range")
        .max(SEARCH_LIMIT.max, "errors.field.range")
        .default(SEARCH_LIMIT.default),
    ),
    /** Display currency only: amounts are stored and filtered in USD. */
    currency: single(z.preprocess(upper, z.enum(CURRENCIES, { error: "errors.field.invalidChoice" }).default("USD"))),
  },
  { error: "errors.search.unknownParam" },
);

export type TSearchParams = z.infer<typeof ZSearchParams>;
export type TSearchParamsInput = z.input<typeof ZSearchParams>;

/** The parameters that select listings (everything except paging and display). */
export const FILTER_KEYS = ["sector", "province", "district", "kind", "stage", "instrument", "size"] as const;
export type TFilterKey = (typeof FILTER_KEYS)[number];

type TQueryLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** A URL query (or Next's searchParams object) → a plain object; repeated keys become arrays. */
export function queryToObject(query: TQueryLike): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  if (query instanceof URLSearchParams) {
    for (const [key, value] of query) add(key, value);
  } else {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const entry of Array.isArray(value) ? value : [value]) add(key, entry);
    }
  }
  return out;
}

export type TParsedSearch = { ok: true; params: TSearchParams } | { ok: false; fieldErrors: Record<string, string[]> };

/** Parses a query; field errors are keyed by parameter name ("province", "limit", "_form" for unknown keys). */
export function parseSearchQuery(query: TQueryLike): TParsedSearch {
  const result = ZSearchParams.safeParse(queryToObject(query));
  if (result.success) return { ok: true, params: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path[0] === undefined ? "_form" : String(issue.path[0])];
    for (const key of keys) (fieldErrors[key] ??= []).includes(issue.message) || fieldErrors[key]!.push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/** Defaults every filter: the "everything" search. */
export function emptySearch(overrides: Partial<TSearchParams> = {}): TSearchParams {
  return { ...ZSearchParams.parse({}), ...overrides };
}

/**
 * Parameters → URL query, in a stable order, leaving out defaults so equal
 * searches have equal URLs. Lists are repeated keys (sector=a&sector=b).
 */
export function toSearchQuery(params: Partial<TSearchParams>): URLSearchParams {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const entry of [...value].sort()) query.append(key, entry);
    else if (value) query.set(key, value);
  }
  if (params.sort && params.sort !== "relevance") query.set("sort", params.sort);
  if (params.limit && params.limit !== SEARCH_LIMIT.default) query.set("limit", String(params.limit));
  if (params.currency && params.currency !== "USD") query.set("currency", params.currency);
  if (params.cursor) query.set("cursor", params.cursor);
  return query;
}

/** `?…` for a link (empty string when there is nothing to say). */
export function toSearchHref(path: string, params: Partial<TSearchParams>): string {
  const query = toSearchQuery(params).toString();
  return query ? `${path}?${query}` : path;
}

/** Adds or removes one value of a list filter; any change of filter starts again at page one. */
export function toggleFilterValue(params: TSearchParams, key: Exclude<TFilterKey, "district">, value: string): TSearchParams {
  const current = params[key] as string[];
  const next = current.includes(value) ? current.filter((entry) => entry !== value) : [...current, value];
  return { ...params, [key]: next, cursor: undefined };
}

/** True when the search has a keyword or any filter. */
export function hasCriteria(params: TSearchParams): boolean {
  return Boolean(params.q) || FILTER_KEYS.some((key) => {
    const value = params[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
}
