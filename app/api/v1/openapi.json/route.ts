import { openApiDocument } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/http/route";

/** The OpenAPI 3.1 document of this API (public: it describes, it reveals no data). */
export const GET = apiRoute(async () => openApiDocument());
