import "./types.ts";
import "./mentoring-types.ts";
import "./queries.ts";
import "./mutations.ts";
import "./mentoring-queries.ts";
import "./mentoring-mutations.ts";
