import { graphql } from "../../app/graphql.ts";

export const ExportTablesQuery = graphql(`
  query ExportTables {
    exportTables {
      name
      description
      downloadPath
      columns {
        name
        format
        required
        meaning
      }
    }
  }
`);
