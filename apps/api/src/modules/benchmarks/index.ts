import "./types.ts";
import "./result-types.ts";
import "./queries.ts";
import "./mutations.ts";
import "./submission-mutations.ts";
