// Server actions are public POST endpoints. Each one is a spec — name, zod input,
// and a run function that starts with a guard — invoked through one runner, so
// the authorization matrix test can call every action with every kind of actor.
import type { z } from "zod";
import type { TActor, TRequestMeta } from "@/lib/auth/session";
import { toFailure } from "./errors";
import type { TActionResult } from "./result";
import { parseInput } from "./validation";

export type TActionContext = { actor: TActor | null; meta: TRequestMeta };

export type TActionSpec<S extends z.ZodType, O> = {
  name: string;
  input: S;
  run: (ctx: TActionContext, input: z.infer<S>) => Promise<O>;
};

export function defineAction<S extends z.ZodType, O>(spec: TActionSpec<S, O>): TActionSpec<S, O> {
  return spec;
}

export async function invokeAction<S extends z.ZodType, O>(
  spec: TActionSpec<S, O>,
  ctx: TActionContext,
  raw: unknown,
): Promise<TActionResult<O>> {
  try {
    const input = parseInput(spec.input, raw);
    return { ok: true, data: await spec.run(ctx, input) };
  } catch (error) {
    const { status: _status, ...failure } = toFailure(error);
    return failure;
  }
}
