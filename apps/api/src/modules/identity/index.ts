import "./types.ts";
import "./queries.ts";
import "./mutations.ts";
import "./account-mutations.ts";
