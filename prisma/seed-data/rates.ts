// Exchange rates, late 2025 (domain-facts.md: "Rates late 2025": PKR/USD ~281;
// USD/JPY ~154–155; JPY→PKR ~1.81–1.89). USD/JPY uses the mid-point 154.5;
// JPY→PKR 1.82 is the cross rate 281 / 154.5 ≈ 1.819, inside the quoted range.
// prisma/seed.ts also stores each inverse (1/rate, 8 places) so a conversion
// never has to guess the direction.
import type { TSeedExchangeRate } from "./types";

const AS_OF = "2025-12-01";
const SOURCE = "domain-facts.md: rates late 2025";

export const EXCHANGE_RATES: TSeedExchangeRate[] = [
  { base: "USD", quote: "PKR", rate: "281", asOf: AS_OF, source: SOURCE },
  { base: "USD", quote: "JPY", rate: "154.5", asOf: AS_OF, source: SOURCE },
  { base: "JPY", quote: "PKR", rate: "1.82", asOf: AS_OF, source: SOURCE },
];
