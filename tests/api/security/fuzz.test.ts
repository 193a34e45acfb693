/**
 * Hostile input: operations generated from the schema itself (every root field, well-typed and malformed
 * arguments, random selections), sent as every kind of viewer. Whatever comes in, the API answers with a
 * GraphQL error or data: never a 5xx, never a stack trace, SQL or Prisma internals, and a refused
 * mutation leaves the database exactly as it was.
 *
 * Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> npx vitest run tests/api/security/fuzz.test.ts
 * More runs: FUZZ_RUNS=5000.
 */
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { schema } from "@citypeer/api/schema";
import { createTestApp, type TestApp } from "../support/app.ts";
import { databaseFingerprint } from "../support/fingerprint.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_500);

let app: TestApp;
const cookies = new Map<string, string | null>();
/** Raw ids and Relay global ids of seeded records by type: well-typed arguments that reach past "not found". */
const idsByType = new Map<string, { raw: string[]; global: string[] }>();
let knownIds: string[] = [];
let databaseState: () => Promise<string>;

const VIEWERS = {
  anonymous: null,
  admin: "admin@citypeer.eu",
  manager: "manager@citypeer.eu",
  officerAthens: "officer.athens@citypeer.eu",
  officerMilan: "officer.milan@citypeer.eu",
  reviewer: "reviewer.ghent@citypeer.eu",
  mentor: "mentor.dortmund@citypeer.eu",
} as const;
type ViewerKey = keyof typeof VIEWERS;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  for (const [key, email] of Object.entries(VIEWERS)) cookies.set(key, email ? await app.cookieFor(await app.userByEmail(email)) : null);

  const nodeTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node"));
  for (const type of nodeTypes) {
    const delegate = (app.prisma as unknown as Record<string, { findMany?: (args: object) => Promise<{ id: string }[]> }>)[
      type.name[0]!.toLowerCase() + type.name.slice(1)
    ];
    if (!delegate?.findMany) continue;
    const raw = (await delegate.findMany({ select: { id: true }, take: 4 })).map((r) => r.id);
    if (raw.length === 0) continue;
    const global = raw.map((id) => Buffer.from(`${type.name}:${id}`).toString("base64"));
    // the right type around a wrong id: it decodes fine and reaches the database as "not-a-uuid"
    const wrongInside = ["not-a-uuid", "1", "\u0000"].map((id) => Buffer.from(`${type.name}:${id}`).toString("base64"));
    idsByType.set(type.name, { raw, global: [...global, ...global, ...wrongInside] });
  }
  knownIds = [...idsByType.values()].flatMap((ids) => [...ids.global, ...ids.global, ...ids.raw]);

  databaseState = databaseFingerprint(app.prisma);
}, 120_000);

afterAll(() => app?.close());

// ---------------------------------------------------------------- values

const HUGE = "𝔸".repeat(50_000) + "x".repeat(200_000);
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "null",
  "undefined",
  "0",
  "-1",
  "1e309",
  "NaN",
  "true",
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00\u0000nul",
  "\u202eevil\u202c",
  "مرحبا بالعالم",
  "Ελληνικά",
  "👩🏽‍💻🏳️‍🌈",
  "\ud800",
  "a".repeat(10_001),
  HUGE,
  "2026-02-30",
  "2026-13-01T00:00:00Z",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  Buffer.from("Nope:1").toString("base64"),
  Buffer.from("User:not-a-uuid").toString("base64"),
  "{}",
  "[]",
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: nastyStrings },
);
const anyInt = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(-1, 0, 2_147_483_647, -2_147_483_648, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);
const anyFloat = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.5, -0.0, 1e308, -1e308, 5e-324));
const isoDate = fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true });

/** Something that has the wrong type, shape or size for whatever is expected. */
const malformed: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  anyString,
  anyInt,
  anyFloat,
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)), { maxKeys: 3 }),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
);

/**
 * Ids of the type an argument names, as Relay global ids (mostly) and raw: `pilotId` -> Pilot, `reviewId` ->
 * PeerReview, and `id` by where it appears (`pilot(id:)`, `UpdatePracticeProfileInput.id`).
 */
function idsFor(name: string, where: string): string[] {
  const stem = (/^ids?$/i.test(name) ? where.replace(/Input$/, "") : name.replace(/Ids?$/, "")).toLowerCase();
  if (!stem || stem === name.toLowerCase()) return [];
  return [...idsByType.entries()]
    .filter(([type]) => type.toLowerCase().endsWith(stem) || stem.includes(type.toLowerCase()))
    .flatMap(([, ids]) => [...ids.global, ...ids.global, ...ids.raw]);
}

function scalarValue(scalar: string, name: string, where: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case "ID": {
      const matching = idsFor(name, where);
      return fc.oneof(
        ...(matching.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...matching) }] : []),
        ...(knownIds.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...knownIds) }] : []),
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: anyString },
      );
    }
    case "String":
      return anyString;
    case "Int":
      return anyInt;
    case "Float":
      return anyFloat;
    case "Boolean":
      return fc.boolean();
    case "DateTime":
      return fc.oneof(isoDate.map((d) => d.toISOString()), anyString);
    case "Date":
      return fc.oneof(isoDate.map((d) => d.toISOString().slice(0, 10)), anyString);
    case "JSON":
      return fc.jsonValue({ maxDepth: 3 });
    case "File":
      return fc.constant(null); // a file can only arrive in a multipart part
    default:
      return anyString;
  }
}

/**
 * How hostile one operation is. Clean ones are well-formed and well-typed (random strings, wrong ids,
 * out-of-range numbers) so they get past validation to the resolvers; sloppy ones add malformed values,
 * variables of the wrong type, missing arguments, unknown fields and broken documents.
 */
type Hostility = "clean" | "sloppy";

/** A value for an input type: well-typed, or (sloppy) now and then anything at all. */
function inputValue(type: GraphQLInputType, hostility: Hostility, name: string, where: string, depth = 0): fc.Arbitrary<unknown> {
  const wellTyped = (): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return inputValue(type.ofType, hostility, name, where, depth);
    if (isListType(type)) return fc.array(inputValue(type.ofType, hostility, name, where, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
    if (isEnumType(type)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: anyString });
    if (isScalarType(type)) return scalarValue(type.name, name, where);
    if (isInputObjectType(type)) {
      if (depth > 4) return fc.constant({});
      const fields = Object.values(type.getFields());
      const shape = Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, hostility, f.name, type.name, depth + 1)]));
      return fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
    }
    return malformed;
  };
  const typed = fc.constant(null).chain(wellTyped);
  return hostility === "clean" ? typed : fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: malformed });
}

// ---------------------------------------------------------------- documents

/** A GraphQL literal for `value`, printed against the type it should have (enum names unquoted). */
function literal(value: unknown, type: GraphQLInputType | null): string {
  const named = type ? getNamedType(type) : null;
  const itemType = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return named && isEnumType(named) && /^[_A-Za-z]\w*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, itemType && isListType(itemType) ? itemType.ofType : null)).join(", ")}]`;
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>)
    .filter(([k]) => /^[_A-Za-z]\w*$/.test(k))
    .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`)
    .join(", ")} }`;
}

interface Operation {
  viewer: ViewerKey;
  kind: "query" | "mutation";
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

type ArgMode = "variable" | "literal" | "omit" | "wrongVariableType";

/** Arguments of one field: as variables or inline literals; sloppy: also missing or declared with a wrong type. */
function argumentsFor(
  field: string,
  args: readonly GraphQLArgument[],
  prefix: string,
  hostility: Hostility,
): fc.Arbitrary<{ text: string; declarations: string[]; variables: Record<string, unknown> }> {
  if (args.length === 0) return fc.constant({ text: "", declarations: [], variables: {} });
  const modes = (arg: GraphQLArgument): ArgMode[] =>
    hostility === "sloppy"
      ? ["variable", "variable", "variable", "literal", "literal", "omit", "wrongVariableType"]
      : isNonNullType(arg.type) && arg.defaultValue === undefined
        ? ["variable", "variable", "literal"]
        : ["variable", "variable", "literal", "omit"];
  const each = args.map((arg) => fc.tuple(fc.constantFrom(...modes(arg)), inputValue(arg.type, hostility, arg.name, field)));
  return fc.tuple(...each).map((choices) => {
    const parts: string[] = [];
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    choices.forEach(([mode, value], i) => {
      const arg = args[i]!;
      const variable = `${prefix}${arg.name}`;
      if (mode === "omit") return;
      if (mode === "literal") return void parts.push(`${arg.name}: ${literal(value, arg.type)}`);
      declarations.push(`$${variable}: ${mode === "wrongVariableType" ? "String" : String(arg.type)}`);
      parts.push(`${arg.name}: $${variable}`);
      variables[variable] = value;
    });
    return { text: parts.length > 0 ? `(${parts.join(", ")})` : "", declarations, variables };
  });
}

interface Selection {
  text: string;
  declarations: string[];
  variables: Record<string, unknown>;
}

const noSelection: Selection = { text: "", declarations: [], variables: {} };
let variableCounter = 0;

/** A random selection set for `type`: some fields (with their arguments), fragments on union members, a typo now and then. */
function selectionFor(type: GraphQLOutputType, depth: number, hostility: Hostility): fc.Arbitrary<Selection> {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return fc.constant(noSelection);
  if (depth >= 4) return fc.constant({ ...noSelection, text: "{ __typename }" });
  if (isUnionType(named)) {
    const members = named.getTypes();
    return fc
      .subarray([...members], { minLength: 1, maxLength: Math.min(3, members.length) })
      .chain((picked) => fc.tuple(...picked.map((m) => selectionFor(m, depth + 1, hostility).map((s) => ({ ...s, text: `... on ${m.name} ${s.text}` })))))
      .map((parts) => merge(["__typename", ...parts.map((p) => p.text)], parts));
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return fc.constant(noSelection);
  const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) })
    .chain((picked) =>
      fc.tuple(
        hostility === "clean"
          ? fc.constantFrom("", "", "", "", "__typename")
          : fc.constantFrom("", "", "", "", "", "", "", "", "notAField", "__schema { types { name } }", "__typename @skip(if: true)"),
        ...picked.map((f) =>
          fc.tuple(argumentsFor(f.name, f.args, `v${variableCounter++}_`, hostility), selectionFor(f.type, depth + 1, hostility)).map(([args, sub]) => ({
            text: `${f.name}${args.text} ${sub.text}`,
            declarations: [...args.declarations, ...sub.declarations],
            variables: { ...args.variables, ...sub.variables },
          })),
        ),
      ),
    )
    .map(([extra, ...parts]) => merge([extra, ...parts.map((p) => p.text)], parts));
}

function merge(texts: string[], parts: Selection[]): Selection {
  return {
    text: `{ ${texts.filter(Boolean).join(" ")} }`,
    declarations: parts.flatMap((p) => p.declarations),
    variables: Object.assign({}, ...parts.map((p) => p.variables)),
  };
}

function operationArbitrary(): fc.Arbitrary<Operation> {
  const roots = (["query", "mutation"] as const).flatMap((kind) => {
    const root = kind === "query" ? schema.getQueryType()! : schema.getMutationType()!;
    return Object.values(root.getFields()).map((field) => ({ kind, field }));
  });
  return fc
    .record({
      viewer: fc.constantFrom(...(Object.keys(VIEWERS) as ViewerKey[])),
      root: fc.constantFrom(...roots),
      hostility: fc.constantFrom<Hostility>("clean", "clean", "clean", "sloppy", "sloppy"),
      // now and then (sloppy) the document itself is broken: cut short or with a stray character
      damage: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom("", "{", "}", "$", '"', "\\", "#", "\u0000")) }),
    })
    .chain(({ viewer, root, hostility, damage }) =>
      fc.tuple(argumentsFor(root.field.name, root.field.args, "a_", hostility), selectionFor(root.field.type, 1, hostility)).map(([args, selection]) => {
        const declarations = [...args.declarations, ...selection.declarations];
        let query = `${root.kind} Fuzz${declarations.length > 0 ? `(${declarations.join(", ")})` : ""} { ${root.field.name}${args.text} ${selection.text} }`;
        if (damage && hostility === "sloppy") {
          const at = damage[0] % (query.length + 1);
          query = query.slice(0, at) + damage[1] + (damage[1] === "" ? "" : query.slice(at));
        }
        return { viewer, kind: root.kind, field: root.field.name, query, variables: { ...args.variables, ...selection.variables } };
      }),
    );
}

// ---------------------------------------------------------------- the property

/** Where an operation ended, for the summary: how far the generated operations get. */
function classify(body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }, field: string): string {
  const error = body.errors?.[0];
  const result = body.data?.[field] as { __typename?: string } | null | undefined;
  if (result?.__typename?.endsWith("Error")) return `typed ${result.__typename}`;
  if (!error) return "data";
  const code = error.extensions?.code ?? "";
  if (/limit of \d+ exceeded/.test(error.message)) return "armor limit";
  if (code === "FORBIDDEN" || code === "UNAUTHENTICATED") return code;
  if (code === "GRAPHQL_PARSE_FAILED" || code === "GRAPHQL_VALIDATION_FAILED" || code === "BAD_USER_INPUT") return code;
  return `${code || "uncoded"}: ${error.message.replace(/(?:"[^"]*"|[A-Za-z0-9+/=_-]{12,}|\S*[^\x00-\x7f]\S*)/g, "…").slice(0, 50)}`;
}

/** What must never reach a client (skipped when the request itself contains it: error messages may quote input). */
const LEAKS: [string, RegExp][] = [
  ["a stack trace", /\bat (?:async )?[\w$.<>]+ \(?(?:file:|node:|\/)[^)]*:\d+:\d+/],
  ["a source path", /\/(?:apps|packages|node_modules)\/[\w@.-]+\//],
  ["Prisma", /prisma/i],
  ["SQL", /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]{0,80}\b(?:FROM|SET|WHERE|VALUES)\b/],
  ["a PostgreSQL message", /relation "|column "|violates (?:foreign key|unique|check|not-null)|duplicate key|syntax error at or near|invalid input syntax for/],
  ["a Prisma error code", /\bP[12]\d{3}\b/],
  ["a driver error", /PGlite|ECONNREFUSED|DriverAdapterError|TypeError:|ReferenceError:|Cannot read propert/],
];

it(`answers ${RUNS} generated operations without a 5xx, a leak, or a write by a refused mutation`, async () => {
  const started = Date.now();
  let mutations = 0;
  let refusedMutations = 0;
  const statuses = new Map<number, number>();
  const outcomes = new Map<string, number>();
  /** Masked "Unexpected error." answers: an exception nobody handled, a bug even when nothing leaks. */
  const unexpected: string[] = [];

  const property = fc.asyncProperty(operationArbitrary(), async (op) => {
    const before = op.kind === "mutation" ? await databaseState() : null;
    const cookie = cookies.get(op.viewer);
    const response = await app.post({ query: op.query, variables: op.variables }, cookie ? { cookie } : {});
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const context = `${op.viewer} sent ${op.query.slice(0, 2_000)}\nvariables ${JSON.stringify(op.variables).slice(0, 2_000)}\n-> ${response.status} ${text.slice(0, 2_000)}`;

    expect(response.status, context).toBeLessThan(500);
    const request = `${op.query} ${JSON.stringify(op.variables)}`;
    for (const [what, pattern] of LEAKS) {
      if (!pattern.test(request)) expect(pattern.test(text), `${what} in the answer\n${context}`).toBe(false);
    }
    const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.data !== undefined || (body.errors?.length ?? 0) > 0, context).toBe(true);
    const outcome = classify(body, op.field);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (body.errors?.some((e) => e.message === "Unexpected error.")) unexpected.push(context);

    if (op.kind === "mutation") {
      mutations++;
      const refused = (body.errors?.length ?? 0) > 0 && (body.data == null || body.data[op.field] == null);
      if (refused) {
        refusedMutations++;
        expect(await databaseState(), `a refused mutation changed the database\n${context}`).toBe(before);
      }
    }
    // a viewer who signed themselves out gets a new session, so every role keeps being exercised
    if (op.field === "signOut" && VIEWERS[op.viewer]) cookies.set(op.viewer, await app.cookieFor(await app.userByEmail(VIEWERS[op.viewer]!)));
  });

  try {
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
  } catch (error) {
    console.error(`fuzz failed with FUZZ_SEED=${SEED} (FUZZ_RUNS=${RUNS})`);
    throw error;
  }
  console.info(
    `fuzz: ${RUNS} operations (${mutations} mutations, ${refusedMutations} refused and checked unchanged) in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries(statuses))}, outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
  );
  expect(unexpected, `unhandled exceptions (FUZZ_SEED=${SEED}); the server log above has the stack`).toEqual([]);
}, 300_000);
