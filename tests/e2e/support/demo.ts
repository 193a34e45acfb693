/** Seeded demo data the specs rely on (prisma/seed): every account shares one password. */
export const DEMO_PASSWORD = "citypeer-demo";

export const demo = {
  admin: "admin@citypeer.eu",
  adminName: "Ada Admin",
  dortmundOfficer: "officer.dortmund@citypeer.eu",
  manager: "manager@citypeer.eu",
  communities: ["Early labour-market integration", "Local housing support", "One-stop shops"],
} as const;

/** A distinct account per test that changes state (locale, throttle counters), so tests don't leak into each other. */
export const officer = (city: string) => `officer.${city}@citypeer.eu`;
export const mentor = (city: string) => `mentor.${city}@citypeer.eu`;
export const reviewer = (city: string) => `reviewer.${city}@citypeer.eu`;
