/**
 * Authorization is declared on the schema (CONVENTIONS.md). This walk reads the rules Pothos scope-auth keeps
 * in the built schema (`extensions.pothosOptions.authScopes` on a field or on an object type) and fails when
 * a field can be reached without passing any rule, so a new field or type cannot ship unguarded by accident.
 *
 * - Every field of Query and Mutation declares authScopes, or is in PUBLIC_ROOT_FIELDS with a reason.
 * - From each public root field, the walk follows every field without a rule into the types it returns
 *   (through unions, interfaces and lists). A type with its own authScopes (every Node type) stops it. Any other
 *   field it reaches must have a rule or be in PUBLIC_FIELDS. Types reached only through guarded fields
 *   (BudgetLine, Spread, dashboards' parts ...) are covered by the guard on the way in.
 * - Result wrappers (`Mutation…Success`, connections, PageInfo) only pass through; error types describe the
 *   caller's own input and are public by nature.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "@citypeer/api/schema";

/** Root fields anyone may call, and why that is safe. */
const PUBLIC_ROOT_FIELDS: Record<string, string> = {
  "Query.me": "null when signed out; otherwise the caller's own account (User carries its own type scopes)",
  "Query.node": "every Node type declares authScopes on the type, checked on each object returned",
  "Query.nodes": "as Query.node",
  "Mutation.signIn": "the password is the credential; throttled per account and address",
  "Mutation.signOut": "ends the caller's own session, if there is one",
  "Mutation.requestPasswordReset": "anyone may ask; the answer is the same whether the address exists or not",
  "Mutation.resetPassword": "the single-use token from the e-mail is the credential",
  "Mutation.acceptInvitation": "the single-use token from the invitation is the credential",
};

/** Fields without a rule that a public root field reaches, and why they may be read by anyone. */
const PUBLIC_FIELDS: Record<string, string> = {};

const scopesOf = (x: { extensions?: unknown }) =>
  (x.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;

const isWrapper = (name: string) => /^(Mutation|Query)\w+Success$/.test(name) || /Connection(Edge)?$/.test(name) || name === "PageInfo";

const errorInterface = schema.getType("Error");
const isErrorType = (type: GraphQLObjectType) => type.getInterfaces().some((i) => i === errorInterface);
/** Parts of error types (InputError.issues, ImportError.issues): the caller's own input, echoed back. */
const errorParts = new Set(
  Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && isErrorType(t))
    .flatMap((t) => Object.values(t.getFields()).map((f) => getNamedType(f.type).name)),
);

function rootFields(): { id: string; field: GraphQLField<unknown, unknown> }[] {
  return [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
    Object.values(root.getFields()).map((field) => ({ id: `${root.name}.${field.name}`, field })),
  );
}

function objectTypesOf(type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isUnionType(type) || isInterfaceType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

describe("every field has an authorization rule", () => {
  it("declares authScopes on every Query and Mutation field, or lists it as public with a reason", () => {
    const missing = rootFields()
      .filter(({ id, field }) => !scopesOf(field) && !PUBLIC_ROOT_FIELDS[id])
      .map(({ id }) => id);
    expect(missing, "add authScopes (auth/scopes.ts), or PUBLIC_ROOT_FIELDS with the reason it is safe").toEqual([]);
  });

  it("keeps the public list honest: each entry exists and really has no rule", () => {
    const byId = new Map(rootFields().map(({ id, field }) => [id, field]));
    const stale = Object.keys(PUBLIC_ROOT_FIELDS).filter((id) => !byId.has(id) || scopesOf(byId.get(id)!));
    expect(stale).toEqual([]);
  });

  it("reaches no field without a rule from a public root field", () => {
    const unguarded: string[] = [];
    const seen = new Set<string>();
    const queue: { type: GraphQLObjectType; via: string }[] = [];
    const enter = (type: GraphQLNamedType, via: string) => {
      for (const object of objectTypesOf(type)) {
        if (seen.has(object.name) || scopesOf(object)) continue; // a type rule guards every field on it
        seen.add(object.name);
        queue.push({ type: object, via });
      }
    };
    for (const { id, field } of rootFields()) if (!scopesOf(field)) enter(getNamedType(field.type), id);

    while (queue.length > 0) {
      const { type, via } = queue.shift()!;
      const exempt = isWrapper(type.name) || isErrorType(type) || errorParts.has(type.name);
      for (const field of Object.values(type.getFields())) {
        if (scopesOf(field)) continue;
        const id = `${type.name}.${field.name}`;
        if (!exempt && !PUBLIC_FIELDS[id]) unguarded.push(`${id} (reached from ${via})`);
        enter(getNamedType(field.type), `${via} > ${id}`);
      }
    }
    expect(unguarded, "give these fields (or their type) authScopes, or PUBLIC_FIELDS with a reason").toEqual([]);
  });

  it("guards every Node type on the type itself (node(id) and nodes(ids) reach all of them)", () => {
    const node = schema.getType("Node");
    const unguarded = node && isInterfaceType(node) ? schema.getPossibleTypes(node).filter((t) => !scopesOf(t)).map((t) => t.name) : ["(no Node interface)"];
    expect(unguarded).toEqual([]);
  });
});
