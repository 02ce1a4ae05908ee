// Demo accounts for development and review, never seeded in production. The
// addresses use the .local domain; passwords are generated when a user is
// created (see prisma/seed.ts), never stored here.
import type { Instrument, Locale, Province, Role, Stage } from "../../lib/db/client";

export type TSeedDemoInvestorProfile = {
  sectorSlugs: string[];
  /** USD cents. */
  ticketMinUsdCents: bigint;
  ticketMaxUsdCents: bigint;
  anywhereInPakistan: boolean;
  provinces: Province[];
  instruments: Instrument[];
  stages: Stage[];
  thesis: string;
};

export type TSeedDemoAccount = {
  email: string;
  name: string;
  role: Role;
  /** Organization code (agency) or name (investor firm), or null. */
  organization: { code: string } | { name: string } | null;
  country: string | null;
  locale: Locale;
  investorProfile?: TSeedDemoInvestorProfile;
};

export const DEMO_ACCOUNTS: TSeedDemoAccount[] = [
  {
    email: "admin@kizuna.local",
    name: "Demo Admin",
    role: "ADMIN",
    organization: null,
    country: null,
    locale: "en",
  },
  {
    email: "staff.piedmc@kizuna.local",
    name: "Demo PIEDMC Staff",
    role: "STAFF",
    organization: { code: "PIEDMC" },
    country: "PK",
    locale: "en",
  },
  {
    email: "staff.fiedmc@kizuna.local",
    name: "Demo FIEDMC Staff",
    role: "STAFF",
    organization: { code: "FIEDMC" },
    country: "PK",
    locale: "en",
  },
  {
    email: "investor@kizuna.local",
    name: "デモ投資家 (Demo Investor)",
    role: "INVESTOR",
    organization: { name: "Demo Sakura Capital" },
    country: "JP",
    locale: "ja",
    investorProfile: {
      sectorSlugs: ["food-processing", "dairy"],
      ticketMinUsdCents: 500_000_000n, // USD 5 m
      ticketMaxUsdCents: 2_000_000_000n, // USD 20 m
      anywhereInPakistan: false,
      provinces: ["PUNJAB"],
      instruments: ["EQUITY", "JOINT_VENTURE", "PLOT_LEASE"],
      stages: [],
      thesis:
        "パンジャブ州の乳製品・食品加工分野で、現地パートナーとの合弁による生産拠点の設立を検討している（デモ用プロフィール）。",
    },
  },
];
