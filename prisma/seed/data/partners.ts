// The CONSOLIDATE partnership (shared/DOMAIN.md): Eurocities (lead), two networks, twelve cities.
// Working languages: the official language(s) plus English, the project's working language.

export type SeedOrganization = {
  slug: string;
  name: string;
  cityName?: string;
  country: string;
  languages: string[];
  kind: "PARTNER_CITY" | "PARTNER_NETWORK";
};

export const networks: SeedOrganization[] = [
  { slug: "eurocities", name: "Eurocities Asbl", country: "BE", languages: ["en", "fr"], kind: "PARTNER_NETWORK" },
  { slug: "migrationwork", name: "Migrationwork Europe Sccl", country: "ES", languages: ["en", "es"], kind: "PARTNER_NETWORK" },
  { slug: "enomw", name: "European Network of Migrant Women", country: "BE", languages: ["en", "fr", "ar"], kind: "PARTNER_NETWORK" },
];

export const cities: SeedOrganization[] = [
  { slug: "athens", cityName: "Athens", name: "Dimos Athinaion", country: "GR", languages: ["el", "en"], kind: "PARTNER_CITY" },
  { slug: "sofia", cityName: "Sofia", name: "Association Bureau for Integration and Social Innovations", country: "BG", languages: ["bg", "en"], kind: "PARTNER_CITY" },
  { slug: "milan", cityName: "Milan", name: "Comune di Milano", country: "IT", languages: ["it", "en"], kind: "PARTNER_CITY" },
  { slug: "gothenburg", cityName: "Gothenburg", name: "Goteborgs Kommun", country: "SE", languages: ["sv", "en"], kind: "PARTNER_CITY" },
  { slug: "vienna", cityName: "Vienna", name: "Stadt Wien", country: "AT", languages: ["de", "en"], kind: "PARTNER_CITY" },
  { slug: "dortmund", cityName: "Dortmund", name: "Stadt Dortmund", country: "DE", languages: ["de", "en"], kind: "PARTNER_CITY" },
  { slug: "ghent", cityName: "Ghent", name: "Stad Gent", country: "BE", languages: ["nl", "en", "fr"], kind: "PARTNER_CITY" },
  { slug: "cluj", cityName: "Cluj", name: "Asociatia de Dezvoltare Intercomunitara Zona Metropolitana Cluj", country: "RO", languages: ["ro", "en"], kind: "PARTNER_CITY" },
  { slug: "nantes", cityName: "Nantes", name: "Nantes Metropole", country: "FR", languages: ["fr", "en"], kind: "PARTNER_CITY" },
  { slug: "lublin", cityName: "Lublin", name: "Gmina Lublin", country: "PL", languages: ["pl", "en"], kind: "PARTNER_CITY" },
  { slug: "zagreb", cityName: "Zagreb", name: "Grad Zagreb", country: "HR", languages: ["hr", "en"], kind: "PARTNER_CITY" },
  { slug: "fuenlabrada", cityName: "Fuenlabrada", name: "Centro de Iniciativas para la Formacion y el Empleo", country: "ES", languages: ["es", "en"], kind: "PARTNER_CITY" },
];

export type SeedCommunity = {
  slug: "labour-market" | "housing" | "one-stop-shops";
  name: string;
  theme: "LABOUR_MARKET" | "HOUSING" | "ONE_STOP_SHOPS";
  description: string;
  lead: string;
  /** Cities whose pilot is in this community's theme (four each). */
  pilotCities: string[];
  /** Further member cities that take part in the exchange. */
  otherMembers: string[];
};

export const communities: SeedCommunity[] = [
  {
    slug: "labour-market",
    name: "Early labour-market integration",
    theme: "LABOUR_MARKET",
    description:
      "Measures that bring refugees and other newcomers into work early: skills assessment and recognition, language combined with work, and partnerships with employers.",
    lead: "dortmund",
    pilotCities: ["dortmund", "vienna", "fuenlabrada", "lublin"],
    otherMembers: ["milan"],
  },
  {
    slug: "housing",
    name: "Local housing support",
    theme: "HOUSING",
    description:
      "Local housing-support tools that help refugees and other newcomers become autonomous: mediation with landlords, guarantees, transitional and shared housing.",
    lead: "ghent",
    pilotCities: ["ghent", "athens", "nantes", "zagreb"],
    otherMembers: ["vienna"],
  },
  {
    slug: "one-stop-shops",
    name: "One-stop shops",
    theme: "ONE_STOP_SHOPS",
    description:
      "An accessible, efficient one-stop-shop model for coordinated service delivery to newcomers: one entry point, multilingual advice and case management across agencies.",
    lead: "gothenburg",
    pilotCities: ["gothenburg", "sofia", "milan", "cluj"],
    otherMembers: ["lublin"],
  },
];

/** Demo people beyond officers (one per city): reviewers and mentors from partner cities. */
export const reviewerCities = ["athens", "milan", "gothenburg", "vienna", "ghent", "nantes", "zagreb", "lublin"];
export const mentorCities = ["dortmund", "ghent", "gothenburg", "vienna"];
/** The community each mentor is trained for. */
export const mentorThemes: Record<string, string[]> = {
  dortmund: ["labour-market"],
  ghent: ["housing"],
  gothenburg: ["one-stop-shops", "labour-market"],
  vienna: ["housing", "one-stop-shops"],
};
