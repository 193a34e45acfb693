import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import { builder } from "./builder.ts";

builder.addScalarType("DateTime", DateTimeResolver);
/** A calendar day (YYYY-MM-DD) for due dates and review dates, with no time zone to drift. */
builder.addScalarType("Date", DateResolver);
/** Free-form JSON: audit states and notification payloads. */
builder.addScalarType("JSON", JSONResolver);
