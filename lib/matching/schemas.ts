// Query parameters of "my matches", shared by the page and GET /api/v1/me/matches.
import { z } from "zod";
import { MY_MATCH_SORTS, MY_MATCH_STATUSES } from "./queries";

export const ZMyMatchesQuery = z.object({
  sort: z.enum(MY_MATCH_SORTS).default("score"),
  status: z.enum(MY_MATCH_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TMyMatchesQueryInput = z.infer<typeof ZMyMatchesQuery>;
