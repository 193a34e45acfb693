import { graphql } from "../../app/graphql.ts";

export const OrganizationsQuery = graphql(`
  query Organizations {
    organizations {
      id
      name
      kind
      country
      languages
    }
  }
`);
