import { DateResolver, DateTimeResolver } from "graphql-scalars";
import { builder } from "./builder.ts";

builder.addScalarType("DateTime", DateTimeResolver);
/** A calendar day (YYYY-MM-DD) for due dates and review dates, with no time zone to drift. */
builder.addScalarType("Date", DateResolver);
