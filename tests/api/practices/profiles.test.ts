import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatedSubmission } from "../benchmarks/support.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { CREATE, PUBLISH, UPDATE, gid, profileInput, rawId, seedLibrary } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  await seedLibrary(app);
});
afterAll(() => app.close());

const manager = () => app.userByEmail("manager@citypeer.eu");
const officer = (city: string) => app.userByEmail(`officer.${city}@citypeer.eu`);
const READ = /* GraphQL */ `query ($id: ID!) { practiceProfile(id: $id) { networkName status viewerCanEdit } }`;
const DRAFT_FROM_PILOT = /* GraphQL */ `
  mutation ($input: PracticeDraftFromPilotInput!) {
    practiceDraftFromPilot(input: $input) {
      __typename
      ... on MutationPracticeDraftFromPilotSuccess {
        data {
          id status networkName place country coordination networkType language fieldsOfIntervention targetGroups
          description resources internalFacilitation evaluation impact successFactors website
          city { cityName } community { slug } pilot { title }
        }
      }
      ... on ConflictError { code }
      ... on NotFoundError { entity }
    }
  }
`;

describe("creating and editing profiles", () => {
  it("lets the project team and a city's officers create a draft for that city; others are refused and nothing is written", async () => {
    const byManager = await app.gql(await manager(), CREATE, { input: await profileInput(app, { city: "sofia", name: "Sofia one-stop info point" }) });
    expect(byManager.data.createPracticeProfile.data).toMatchObject({ status: "DRAFT", city: { cityName: "Sofia" }, viewerCanEdit: true });
    const byOfficer = await app.gql(await officer("nantes"), CREATE, { input: await profileInput(app, { city: "nantes", name: "Nantes welcome desk" }) });
    expect(byOfficer.data.createPracticeProfile.data).toMatchObject({ status: "DRAFT", city: { cityName: "Nantes" } });
    const audit = await app.prisma.auditEntry.findFirstOrThrow({ where: { entityId: rawId(byOfficer.data.createPracticeProfile.data.id) } });
    expect(audit.action).toBe("practice.created");

    const before = await app.prisma.practiceProfile.count();
    const otherCity = await app.gql(await officer("nantes"), CREATE, { input: await profileInput(app, { city: "lublin", name: "Not Nantes'" }) });
    expect(otherCity.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const noCity = await app.gql(await officer("nantes"), CREATE, { input: await profileInput(app, { name: "A city outside" }) });
    expect(noCity.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const reviewer = await app.gql(await app.userByEmail("reviewer.nantes@citypeer.eu"), CREATE, { input: await profileInput(app, { city: "nantes", name: "Reviewer's" }) });
    expect(reviewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(null, CREATE, { input: await profileInput(app, { city: "nantes", name: "Anonymous" }) })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await app.prisma.practiceProfile.count()).toBe(before);
  });

  it("refuses invalid fields with their paths", async () => {
    const input = { ...(await profileInput(app, { city: "sofia", name: " " })), country: "Bulgaria", website: "javascript:alert(1)", yearFounded: 3000 };
    const res = await app.gql(await manager(), CREATE, { input });
    expect(res.data.createPracticeProfile.issues.map((i: any) => i.path.join("."))).toEqual(["networkName", "yearFounded", "country", "website"]);
  });

  it("keeps a draft to its editors, and publishes it to everyone signed in once it is complete", async () => {
    const created = await app.gql(await officer("zagreb"), CREATE, { input: { ...(await profileInput(app, { city: "zagreb", name: "Zagreb housing mediation" })), description: "" } });
    const id = created.data.createPracticeProfile.data.id;
    expect((await app.gql(await officer("athens"), READ, { id })).data.practiceProfile).toBeNull();
    expect((await app.gql(await officer("athens"), `query ($id: ID!) { node(id: $id) { id } }`, { id })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(await manager(), READ, { id })).data.practiceProfile).toMatchObject({ status: "DRAFT", viewerCanEdit: true });

    const incomplete = await app.gql(await officer("zagreb"), PUBLISH, { input: { practiceId: id } });
    expect(incomplete.data.publishPracticeProfile.issues).toEqual([{ path: ["description"], code: "required_to_publish" }]);
    const input = await profileInput(app, { city: "zagreb", name: "Zagreb housing mediation" });
    await app.gql(await officer("zagreb"), UPDATE, { input: { practiceId: id, ...input } });
    expect((await app.gql(await officer("athens"), PUBLISH, { input: { practiceId: id } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(await officer("zagreb"), PUBLISH, { input: { practiceId: id } })).data.publishPracticeProfile.data.status).toBe("PUBLISHED");
    expect((await app.gql(await app.userByEmail("reviewer.athens@citypeer.eu"), READ, { id })).data.practiceProfile).toEqual({
      networkName: "Zagreb housing mediation",
      status: "PUBLISHED",
      viewerCanEdit: false,
    });
  });

  it("lets the owning city's officers and the project team edit; refuses another city's officer and a move to another city", async () => {
    const created = await app.gql(await officer("cluj"), CREATE, { input: await profileInput(app, { city: "cluj", name: "Cluj metropolitan one-stop shop" }) });
    const id = created.data.createPracticeProfile.data.id;
    const input = await profileInput(app, { city: "cluj", name: "Cluj metropolitan one-stop shop", text: "One desk for the whole metropolitan area." });
    const edited = await app.gql(await officer("cluj"), UPDATE, { input: { practiceId: id, ...input } });
    expect(edited.data.updatePracticeProfile.data.description).toBe("One desk for the whole metropolitan area.");

    const before = await app.prisma.practiceProfile.findUniqueOrThrow({ where: { id: rawId(id) } });
    const stranger = await app.gql(await officer("lublin"), UPDATE, { input: { practiceId: id, ...input, description: "Hijacked" } });
    expect(stranger.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const moved = await app.gql(await officer("cluj"), UPDATE, { input: { practiceId: id, ...(await profileInput(app, { city: "lublin", name: "Moved" })) } });
    expect(moved.data.updatePracticeProfile.issues).toEqual([{ path: ["organizationId"], code: "not_your_city" }]);
    expect(await app.prisma.practiceProfile.findUniqueOrThrow({ where: { id: rawId(id) } })).toEqual(before);

    const byManager = await app.gql(await manager(), UPDATE, { input: { practiceId: id, ...input, networkName: "Cluj one-stop shop (metropolitan)" } });
    expect(byManager.data.updatePracticeProfile.data.networkName).toBe("Cluj one-stop shop (metropolitan)");
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: rawId(id) }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["practice.created", "practice.updated", "practice.updated"]);
    expect(audit[2]!.before).toMatchObject({ networkName: "Cluj metropolitan one-stop shop" });
    expect(audit[2]!.after).toMatchObject({ networkName: "Cluj one-stop shop (metropolitan)" });
  });
});

describe("a draft from a completed pilot", () => {
  it("prefills title, problem, objectives, activities, target groups, city and community, with review findings and benchmark progress", async () => {
    const ghent = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "ghent" } });
    const pilot = await app.prisma.pilot.update({
      where: { organizationId: ghent.id },
      data: {
        title: "Ghent housing first for young refugees",
        problemStatement: "Young refugees leave reception without a flat.",
        plannedActivities: "A guarantee fund and a landlord mediation service.",
        targetGroups: ["REFUGEES", "YOUNG_PEOPLE"],
        status: "COMPLETED",
        objectives: { create: [{ text: "Forty young refugees housed", position: 0 }] },
        coDesignActivities: { create: [{ date: new Date("2026-02-01"), format: "WORKSHOP", participantCount: 18, migrantOrganisations: ["Vluchtelingenwerk"] }] },
        reviews: {
          create: [
            {
              mode: "ON_SITE",
              startsOn: new Date("2026-04-20"),
              endsOn: new Date("2026-04-22"),
              status: "CLOSED",
              reportSummary: "The mediation service is convincing.",
              recommendations: { create: [{ text: "Involve youth organisations in the board", priority: "HIGH", position: 0 }] },
            },
          ],
        },
      },
    });
    await validatedSubmission(app, "ghent", "housing", [2, 3]);

    const res = await app.gql(await officer("ghent"), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", pilot.id) } });
    expect(res.errors).toBeUndefined();
    const draft = res.data.practiceDraftFromPilot.data;
    expect(draft).toMatchObject({
      status: "DRAFT",
      networkName: "Ghent housing first for young refugees",
      place: "Ghent",
      country: "BE",
      coordination: "Stad Gent",
      networkType: "CONSOLIDATE pilot",
      fieldsOfIntervention: ["HOUSING"],
      targetGroups: ["REFUGEES", "YOUNG_PEOPLE"],
      resources: "CONSOLIDATE implementation grant of EUR 30,000.",
      internalFacilitation: "Co-designed with migrants: 1 activity (workshop, 18 participants). Migrant organisations involved: Vluchtelingenwerk.",
      evaluation: "Peer review (2026-04-22): The mediation service is convincing.\n\nRecommendations:\n- Involve youth organisations in the board",
      successFactors: "",
      city: { cityName: "Ghent" },
      community: { slug: "housing" },
      pilot: { title: "Ghent housing first for young refugees" },
    });
    expect(draft.description).toBe(
      "Young refugees leave reception without a flat.\n\nObjectives:\n- Forty young refugees housed\n\nActivities:\nA guarantee fund and a landlord mediation service.",
    );
    expect(draft.impact).toMatch(/^Benchmark self-assessment in the Local housing support community \(0-4\): Baseline \d\.\d\d\.$/);
    expect(await app.prisma.auditEntry.count({ where: { entityId: rawId(draft.id), action: "practice.drafted_from_pilot" } })).toBe(1);

    // one profile per pilot
    expect((await app.gql(await manager(), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", pilot.id) } })).data.practiceDraftFromPilot).toEqual({
      __typename: "ConflictError",
      code: "practice_exists",
    });
  });

  it("prefills what exists when there are no reviews or benchmark results yet", async () => {
    const nantes = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "nantes" } });
    const pilot = await app.prisma.pilot.update({ where: { organizationId: nantes.id }, data: { status: "COMPLETED", problemStatement: "Too few small flats." } });
    const res = await app.gql(await manager(), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", pilot.id) } });
    expect(res.data.practiceDraftFromPilot.data).toMatchObject({ networkName: pilot.title, description: "Too few small flats.", evaluation: "", impact: "", city: { cityName: "Nantes" } });
  });

  it("refuses a pilot that is not completed, and another city's officer, writing nothing", async () => {
    const athens = await app.prisma.pilot.findFirstOrThrow({ where: { organization: { slug: "athens" } } });
    const before = await app.prisma.practiceProfile.count();
    expect((await app.gql(await officer("athens"), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", athens.id) } })).data.practiceDraftFromPilot).toEqual({
      __typename: "ConflictError",
      code: "pilot_not_completed",
    });
    await app.prisma.pilot.update({ where: { id: athens.id }, data: { status: "COMPLETED" } });
    expect((await app.gql(await officer("zagreb"), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", athens.id) } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(await app.userByEmail("reviewer.athens@citypeer.eu"), DRAFT_FROM_PILOT, { input: { pilotId: gid("Pilot", athens.id) } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.prisma.practiceProfile.count()).toBe(before);
  });
});

describe("the library list", () => {
  it("lists the profiles a person may read in the same number of statements whatever the data", async () => {
    const LIST = /* GraphQL */ `{ practiceProfiles { networkName status place country city { name } community { name } pilot { title } fieldsOfIntervention targetGroups viewerCanEdit } }`;
    const cookie = await app.cookieFor(await officer("gothenburg"));
    const run = () => app.gql(null, LIST, {}, { cookie });
    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();
    for (const city of ["gothenburg", "vienna", "fuenlabrada"]) {
      const created = await app.gql(await manager(), CREATE, { input: await profileInput(app, { city, community: "one-stop-shops", name: `${city} practice` }) });
      if (city !== "fuenlabrada") await app.gql(await manager(), PUBLISH, { input: { practiceId: created.data.createPracticeProfile.data.id } });
    }
    const large = await countStatements(app.db, run);
    expect(large.statements.length).toBe(small.statements.length);
    const listed = large.result.data.practiceProfiles.map((p: any) => p.networkName);
    // published ones, and the viewer city's own drafts; not other cities' drafts
    expect(listed).toEqual(expect.arrayContaining(["gothenburg practice", "vienna practice"]));
    expect(listed).not.toContain("fuenlabrada practice");
    expect(listed).not.toContain("Sofia one-stop info point");
  });
});
