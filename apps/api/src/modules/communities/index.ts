import "./types.ts";
import "./queries.ts";
import "./mutations.ts";
import "./session-mutations.ts";
