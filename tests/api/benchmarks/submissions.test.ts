import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { RETURN, SAVE, SUBMIT, VALIDATE, baseline, gid } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const officer = (city = "dortmund") => app.userByEmail(`officer.${city}@citypeer.eu`);
const manager = () => app.userByEmail("manager@citypeer.eu");

describe("a city's self-assessment from draft to validation", () => {
  it("is saved as it goes, submitted when complete, returned, fixed, resubmitted and validated", async () => {
    const { round, indicators, roundGid } = await baseline(app, "labour-market");
    const me = await officer();

    // a partial draft
    const first = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 2, evidenceText: "Job centre data", evidenceLinks: ["https://dortmund.de/report"] }] } });
    const draft = first.data.saveSubmissionDraft.data;
    expect(draft).toMatchObject({ status: "DRAFT", revision: 1, scoredCount: 1 });

    // not yet complete
    const early = await app.gql(me, SUBMIT, { input: { submissionId: draft.id } });
    expect(early.data.submitSubmission.__typename).toBe("InputError");
    expect(early.data.submitSubmission.issues).toHaveLength(indicators.length - 1);
    expect(early.data.submitSubmission.issues[0].code).toBe("level_required");

    // the rest, then submit
    const rest = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 1, scores: indicators.slice(1).map((i) => ({ indicatorId: i.id, level: 3 })) } });
    expect(rest.data.saveSubmissionDraft.data.scoredCount).toBe(indicators.length);
    expect((await app.gql(me, SUBMIT, { input: { submissionId: draft.id } })).data.submitSubmission.data.status).toBe("SUBMITTED");

    // submitted: no more edits
    const locked = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 2, scores: [{ indicatorId: indicators[0]!.id, level: 4 }] } });
    expect(locked.data.saveSubmissionDraft).toEqual({ __typename: "ConflictError", code: "not_editable" });

    // returned with a comment: the city's officers are notified
    const returned = await app.gql(await manager(), RETURN, { input: { submissionId: draft.id, comment: "Please add evidence for LM-G2" } });
    expect(returned.data.returnSubmission.data.status).toBe("RETURNED");
    const note = await app.prisma.notification.findFirstOrThrow({ where: { userId: me.id, kind: "benchmark.submission_returned" } });
    expect(note.payload).toMatchObject({ round: round.name, comment: "Please add evidence for LM-G2" });

    // fixed and resubmitted, then validated
    const fixed = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 2, scores: [{ indicatorId: indicators[1]!.id, level: 3, evidenceText: "Added the evidence" }] } });
    expect(fixed.data.saveSubmissionDraft.data.status).toBe("RETURNED");
    expect((await app.gql(me, SUBMIT, { input: { submissionId: draft.id } })).data.submitSubmission.data.status).toBe("SUBMITTED");
    expect((await app.gql(await manager(), VALIDATE, { input: { submissionId: draft.id } })).data.validateSubmission.data.status).toBe("VALIDATED");

    // every state change is in the history and the audit log
    const history = await app.gql(me, "query ($id: ID!) { benchmarkSubmission(id: $id) { history { fromStatus toStatus comment actor { email } } } }", { id: draft.id });
    expect(history.data.benchmarkSubmission.history.map((h: any) => h.toStatus)).toEqual(["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "VALIDATED"]);
    expect(history.data.benchmarkSubmission.history[2]).toMatchObject({ fromStatus: "SUBMITTED", comment: "Please add evidence for LM-G2", actor: { email: "manager@citypeer.eu" } });
    const raw = Buffer.from(draft.id, "base64").toString().split(":")[1]!;
    const audit = await app.prisma.auditEntry.findMany({ where: { entityType: "BenchmarkSubmission", entityId: raw }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["submission.created", "submission.submitted", "submission.returned", "submission.submitted", "submission.validated"]);
  });

  it("refuses a stale revision (another tab saved first) and changes nothing", async () => {
    const { indicators, roundGid } = await baseline(app, "housing");
    const me = await officer("ghent");
    await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 1 }] } });
    const stale = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 4 }] } });
    expect(stale.data.saveSubmissionDraft).toEqual({ __typename: "ConflictError", code: "stale_revision" });
    const score = await app.prisma.indicatorScore.findFirstOrThrow({ where: { indicatorId: indicators[0]!.id, submission: { organization: { slug: "ghent" } } } });
    expect(score.level).toBe(1);
  });
});

describe("refusals name the field and write nothing", () => {
  const counts = async () => ({ submissions: await app.prisma.benchmarkSubmission.count(), scores: await app.prisma.indicatorScore.count() });

  it.each([
    ["a level outside 0-4", (ind: string) => ({ scores: [{ indicatorId: ind, level: 5 }] }), ["scores", "0", "level"], "too_big"],
    ["a negative level", (ind: string) => ({ scores: [{ indicatorId: ind, level: -1 }] }), ["scores", "0", "level"], "too_small"],
    ["a link that is not a URL", (ind: string) => ({ scores: [{ indicatorId: ind, level: 1, evidenceLinks: ["not a link"] }] }), ["scores", "0", "evidenceLinks", "0"], "invalid_format"],
    ["a language that is not a language code", (ind: string) => ({ contentLanguage: "Polish", scores: [{ indicatorId: ind, level: 1 }] }), ["contentLanguage"], "invalid_format"],
  ])("refuses %s", async (_name, make, path, code) => {
    const { indicators, roundGid } = await baseline(app, "one-stop-shops");
    const before = await counts();
    const res = await app.gql(await officer("sofia"), SAVE, { input: { roundId: roundGid, revision: 0, ...make(indicators[0]!.id) } });
    expect(res.data.saveSubmissionDraft.__typename).toBe("InputError");
    expect(res.data.saveSubmissionDraft.issues[0]).toMatchObject({ path, code });
    expect(await counts()).toEqual(before);
  });

  it("refuses an indicator that is not in the round's framework", async () => {
    const { roundGid } = await baseline(app, "one-stop-shops");
    const other = await baseline(app, "housing");
    const before = await counts();
    const res = await app.gql(await officer("sofia"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: other.indicators[0]!.id, level: 2 }] } });
    expect(res.data.saveSubmissionDraft.issues).toEqual([{ path: ["scores", "0", "indicatorId"], code: "unknown_indicator" }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a framework version the round does not use", async () => {
    const { roundGid } = await baseline(app, "one-stop-shops");
    const other = await baseline(app, "housing");
    const res = await app.gql(await officer("sofia"), SAVE, { input: { roundId: roundGid, revision: 0, frameworkId: gid("BenchmarkFramework", other.round.frameworkId), scores: [] } });
    expect(res.data.saveSubmissionDraft.issues).toEqual([{ path: ["frameworkId"], code: "framework_version_mismatch" }]);
  });

  it("refuses a submission to a closed round, unless the city's deadline was extended or the round reopened", async () => {
    const { round, indicators, roundGid } = await baseline(app, "one-stop-shops");
    await app.prisma.benchmarkRound.update({ where: { id: round.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const before = await counts();
    const closed = await app.gql(await officer("cluj"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 2 }] } });
    expect(closed.data.saveSubmissionDraft.issues).toEqual([{ path: ["roundId"], code: "round_closed" }]);
    expect(await counts()).toEqual(before);

    const cluj = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "cluj" } });
    const EXTEND = /* GraphQL */ `mutation ($input: ExtendSubmissionDeadlineInput!) { extendSubmissionDeadline(input: $input) { __typename } }`;
    const extension = { roundId: roundGid, organizationId: gid("Organization", cluj.id), closesAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect((await app.gql(await officer("cluj"), EXTEND, { input: extension })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(await manager(), EXTEND, { input: extension })).data.extendSubmissionDeadline.__typename).toBe("MutationExtendSubmissionDeadlineSuccess");
    const extended = await app.gql(await officer("cluj"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 2 }] } });
    expect(extended.data.saveSubmissionDraft.__typename).toBe("MutationSaveSubmissionDraftSuccess");
    const stillClosed = await app.gql(await officer("milan"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [] } });
    expect(stillClosed.data.saveSubmissionDraft.issues[0].code).toBe("round_closed");

    const REOPEN = /* GraphQL */ `mutation ($input: UpdateBenchmarkRoundInput!) { updateBenchmarkRound(input: $input) { __typename ... on MutationUpdateBenchmarkRoundSuccess { data { isOpen } } } }`;
    const reopened = await app.gql(await manager(), REOPEN, { input: { roundId: roundGid, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
    expect(reopened.data.updateBenchmarkRound.data.isOpen).toBe(true);
    expect((await app.gql(await officer("milan"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [] } })).data.saveSubmissionDraft.__typename).toBe("MutationSaveSubmissionDraftSuccess");
  });
});

describe("the language of the evidence", () => {
  const READ = /* GraphQL */ `query ($id: ID!) { benchmarkSubmission(id: $id) { revision contentLanguage comment scores { evidenceText } } }`;

  it("starts in the author's language, changes when the city says so, and keeps the texts exactly as written", async () => {
    const { indicators, roundGid } = await baseline(app, "labour-market");
    const me = await officer("lublin");
    await app.prisma.user.update({ where: { id: me.id }, data: { locale: "pl" } });
    const evidence = "Dane urzędu pracy, 2024.\n  Wcięcie i „cudzysłów” zostają.";
    const first = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 2, evidenceText: evidence }] } });
    const id = first.data.saveSubmissionDraft.data.id;
    expect((await app.gql(me, READ, { id })).data.benchmarkSubmission).toMatchObject({ contentLanguage: "pl", scores: [{ evidenceText: evidence }] });

    // written with colleagues in Ukrainian: the city says so, and nothing else changes
    const comment = "Спільно з громадою українців Любліна.";
    const changed = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 1, contentLanguage: "UK", comment, scores: [] } });
    expect(changed.data.saveSubmissionDraft.__typename).toBe("MutationSaveSubmissionDraftSuccess");
    expect((await app.gql(me, READ, { id })).data.benchmarkSubmission).toEqual({ revision: 2, contentLanguage: "uk", comment, scores: [{ evidenceText: evidence }] });

    // a later save without a language keeps it
    await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 2, scores: [{ indicatorId: indicators[1]!.id, level: 1 }] } });
    expect((await app.gql(me, READ, { id })).data.benchmarkSubmission.contentLanguage).toBe("uk");

    // an invalid language is refused on its field, and nothing is written
    const refused = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 3, contentLanguage: "uk_UA", comment: "changed", scores: [] } });
    expect(refused.data.saveSubmissionDraft).toEqual({ __typename: "InputError", issues: [{ path: ["contentLanguage"], code: "invalid_format" }] });
    expect((await app.gql(me, READ, { id })).data.benchmarkSubmission).toMatchObject({ revision: 3, contentLanguage: "uk", comment });
  });

  it("shows the language only to those who may read the evidence", async () => {
    const { roundGid } = await baseline(app, "labour-market");
    const mine = await app.gql(await officer("lublin"), SAVE, { input: { roundId: roundGid, revision: 3, scores: [] } });
    const id = mine.data.saveSubmissionDraft.data.id;
    expect((await app.gql(await officer("vienna"), READ, { id })).data.benchmarkSubmission).toBeNull();
  });
});

describe("who may do what", () => {
  it("lets an officer write only their own city's submission", async () => {
    const { indicators, roundGid } = await baseline(app, "housing");
    const athens = await app.gql(await officer("athens"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 1 }] } });
    const id = athens.data.saveSubmissionDraft.data.id;
    const before = await app.prisma.benchmarkSubmission.findMany({ select: { status: true, revision: true } });
    const submitByNantes = await app.gql(await officer("nantes"), SUBMIT, { input: { submissionId: id } });
    expect(submitByNantes.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.prisma.benchmarkSubmission.findMany({ select: { status: true, revision: true } })).toEqual(before);
    // a reviewer (not an officer) cannot save a submission at all
    const reviewer = await app.gql(await app.userByEmail("reviewer.athens@citypeer.eu"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [] } });
    expect(reviewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a city that is not a member of the round's community, and writes nothing", async () => {
    const { roundGid } = await baseline(app, "labour-market");
    const before = await app.prisma.benchmarkSubmission.count();
    const res = await app.gql(await officer("athens"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [] } });
    expect(res.data.saveSubmissionDraft.issues).toEqual([{ path: ["roundId"], code: "not_a_member" }]);
    expect(await app.prisma.benchmarkSubmission.count()).toBe(before);
  });

  it("hides a draft from other cities and from the project team", async () => {
    const { indicators, roundGid } = await baseline(app, "housing");
    const zagreb = await app.gql(await officer("zagreb"), SAVE, { input: { roundId: roundGid, revision: 0, scores: [{ indicatorId: indicators[0]!.id, level: 1, evidenceText: "secret draft" }] } });
    const id = zagreb.data.saveSubmissionDraft.data.id;
    const READ = "query ($id: ID!) { benchmarkSubmission(id: $id) { status scores { evidenceText } } }";
    expect((await app.gql(await officer("zagreb"), READ, { id })).data.benchmarkSubmission.scores[0].evidenceText).toBe("secret draft");
    expect((await app.gql(await officer("ghent"), READ, { id })).data.benchmarkSubmission).toBeNull();
    expect((await app.gql(await manager(), READ, { id })).data.benchmarkSubmission).toBeNull();
    const node = await app.gql(await officer("ghent"), "query ($id: ID!) { node(id: $id) { ... on BenchmarkSubmission { scores { evidenceText } } } }", { id });
    expect(node.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets only project managers validate or return", async () => {
    const { indicators, roundGid } = await baseline(app, "housing");
    const me = await officer("nantes");
    const saved = await app.gql(me, SAVE, { input: { roundId: roundGid, revision: 0, scores: indicators.map((i) => ({ indicatorId: i.id, level: 2 })) } });
    const id = saved.data.saveSubmissionDraft.data.id;
    await app.gql(me, SUBMIT, { input: { submissionId: id } });
    for (const user of [me, await app.userByEmail("reviewer.nantes@citypeer.eu"), await app.userByEmail("admin@citypeer.eu")]) {
      expect((await app.gql(user, VALIDATE, { input: { submissionId: id } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await app.gql(user, RETURN, { input: { submissionId: id, comment: "x" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const raw = Buffer.from(id, "base64").toString().split(":")[1]!;
    expect((await app.prisma.benchmarkSubmission.findUniqueOrThrow({ where: { id: raw } })).status).toBe("SUBMITTED");
    const empty = await app.gql(await manager(), RETURN, { input: { submissionId: id, comment: "  " } });
    expect(empty.data.returnSubmission.issues[0].path).toEqual(["comment"]);
  });
});
