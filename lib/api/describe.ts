// The OpenAPI document turned into what the /api-docs page shows: operations by
// tag, with readable parameter types, the request example and a curl line. Pure:
// the page renders from the same document the API serves.
import type { TOpenApiDocument } from "./openapi";

type TSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: TSchema;
  anyOf?: TSchema[];
  oneOf?: TSchema[];
  format?: string;
  example?: unknown;
  default?: unknown;
  maximum?: number;
  minimum?: number;
  maxLength?: number;
};

export type TDocParameter = { name: string; in: string; required: boolean; type: string; description?: string; example?: string };
export type TDocResponse = { status: string; description: string; schema?: string };
export type TDocOperation = {
  id: string;
  method: string;
  path: string;
  access: "public" | "signedIn";
  parameters: TDocParameter[];
  requestBody?: { schema: string; example?: string };
  responses: TDocResponse[];
  curl: string;
};
export type TDocTag = { name: string; description?: string; operations: TDocOperation[] };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** A short human-readable type: "Listing", "uuid", "array of EQUITY | DEBT", "integer ≤ 100". */
export function describeSchema(schema: TSchema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const parts = variants.map(describeSchema).filter((part) => part && part !== '""' && part !== "null");
    return [...new Set(parts)].join(" | ");
  }
  if (schema.enum) return schema.enum.filter((value) => value !== "" && value !== null).map(String).join(" | ");
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = declared.find((candidate) => candidate && candidate !== "null");
  if (!type && declared.includes("null")) return "null";
  if (type === "array") return `array of ${describeSchema(schema.items)}`;
  if (type === "string" && schema.format) return schema.format;
  if ((type === "integer" || type === "number") && schema.maximum !== undefined) return `${type} ≤ ${schema.maximum}`;
  return type ?? "any";
}

function exampleOf(schema: TSchema | undefined, fallback?: unknown): unknown {
  return fallback ?? schema?.example ?? undefined;
}

function queryValue(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(",") : String(value);
}

function curlFor(options: { method: string; path: string; parameters: TDocParameter[]; body?: string; access: TDocOperation["access"]; baseUrl: string }): string {
  let path = options.path;
  const query = new URLSearchParams();
  for (const parameter of options.parameters) {
    if (parameter.example === undefined) continue;
    if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, encodeURIComponent(parameter.example));
    if (parameter.in === "query") query.set(parameter.name, parameter.example);
  }
  const url = `${options.baseUrl}${path}${query.size ? `?${query.toString()}` : ""}`;
  const lines = [`curl -s${options.method === "get" ? "" : ` -X ${options.method.toUpperCase()}`} "${url}"`];
  if (options.access === "signedIn") lines.push(`  -H "Authorization: Bearer $KIZUNA_TOKEN"`);
  if (options.body) lines.push(`  -H "Content-Type: application/json"`, `  -d '${options.body.replace(/'/g, "'\\''")}'`);
  return lines.join(" \\\n");
}

/** Operations grouped by the document's tags, in the document's order. */
export function describeDocument(doc: TOpenApiDocument, baseUrl: string): TDocTag[] {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, TSchema>;
  const tags: TDocTag[] = (doc.tags ?? []).map((tag) => ({ name: tag.name, description: tag.description, operations: [] }));
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as
        | {
            operationId?: string;
            tags?: string[];
            security?: Record<string, string[]>[];
            parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: TSchema; example?: unknown }[];
            requestBody?: { content?: Record<string, { schema?: TSchema; example?: unknown }> };
            responses?: Record<string, { description: string; content?: Record<string, { schema?: TSchema }> }>;
          }
        | undefined;
      if (!operation) continue;
      const security = operation.security ?? [];
      const access: TDocOperation["access"] = security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0) ? "public" : "signedIn";
      const parameters = (operation.parameters ?? []).map((parameter) => {
        const example = exampleOf(parameter.schema, parameter.example);
        return {
          name: parameter.name,
          in: parameter.in,
          required: Boolean(parameter.required),
          type: describeSchema(parameter.schema),
          description: parameter.description,
          example: example === undefined ? undefined : queryValue(example),
        };
      });
      const bodyMedia = operation.requestBody?.content?.["application/json"];
      const bodySchema = bodyMedia?.schema;
      const bodyExample = bodyMedia?.example ?? (bodySchema?.$ref ? schemas[refName(bodySchema.$ref)]?.example : bodySchema?.example);
      const body = bodyExample === undefined ? undefined : JSON.stringify(bodyExample, null, 2);
      const described: TDocOperation = {
        id: operation.operationId ?? `${method} ${path}`,
        method,
        path,
        access,
        parameters,
        requestBody: bodySchema ? { schema: describeSchema(bodySchema), example: body } : undefined,
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          description: response.description,
          schema: describeSchema(response.content?.["application/json"]?.schema) || undefined,
        })),
        curl: curlFor({ method, path, parameters, body: body && JSON.stringify(bodyExample), access, baseUrl }),
      };
      const tagName = operation.tags?.[0] ?? "Other";
      let tag = tags.find((candidate) => candidate.name === tagName);
      if (!tag) tags.push((tag = { name: tagName, operations: [] }));
      tag.operations.push(described);
    }
  }
  return tags.filter((tag) => tag.operations.length > 0);
}

/** A named schema's example, pretty-printed (for the response examples on the page). */
export function schemaExample(doc: TOpenApiDocument, name: string): string | undefined {
  const example = (doc.components?.schemas as Record<string, TSchema> | undefined)?.[name]?.example;
  return example === undefined ? undefined : JSON.stringify(example, null, 2);
}
