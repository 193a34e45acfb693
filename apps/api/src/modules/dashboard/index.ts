import "./types.ts";
import "./extensions.ts";
import "./queries.ts";
