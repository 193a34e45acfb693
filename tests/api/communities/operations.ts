/** The community page as the web app asks for it: one request for everything. */
export const COMMUNITY_PAGE = /* GraphQL */ `
  query CommunityPage($id: ID!) {
    community(id: $id) {
      id name theme description icsUrl viewerCanManage viewerCityIsMember viewerCityMembership
      leadCity { id cityName }
      memberCities { id cityName contacts { name email } }
      coordinators { name email }
      upcomingSessions { ...Session }
      pastSessions { ...Session }
      resources { title type language url attachment { fileName } }
      membershipRequests { status requestedAt city { cityName } }
    }
  }
  fragment Session on CommunitySession {
    id kind topic title description startsAt endsAt location onlineUrl isCrossCutting icsUrl
    attendanceCounts { registered attended excused }
    viewerAttendance
    attendances { status user { name } }
  }
`;

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (globalID: string) => Buffer.from(globalID, "base64").toString().split(":")[1]!;

type ErrorType = "InputError" | "ConflictError" | "NotFoundError";
const ERROR_FIELDS: Record<ErrorType, string> = {
  InputError: "... on InputError { issues { path code } }",
  ConflictError: "... on ConflictError { code }",
  NotFoundError: "... on NotFoundError { entity }",
};

/** `mutation ($input: <Name>Input!) { name(input: $input) { __typename, data on success, the error fields } }` */
export function mutation(name: string, data: string, errors: ErrorType[]) {
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const input = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation ($input: ${input}!) { ${name}(input: $input) { __typename ... on ${success} { data ${data} } ${errors.map((e) => ERROR_FIELDS[e]).join(" ")} } }`;
}
