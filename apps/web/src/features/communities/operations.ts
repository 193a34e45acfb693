import { graphql } from "../../app/graphql.ts";

export const CommunitiesQuery = graphql(`
  query Communities {
    communities {
      id
      name
      theme
      description
      leadCity {
        id
        name
        cityName
      }
      memberCities {
        id
        name
        cityName
      }
    }
  }
`);
