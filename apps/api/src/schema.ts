import { builder } from "./builder.ts";
import "./scalars.ts";
import "./errors.ts";
import "./modules/identity/index.ts";
import "./modules/organizations/index.ts";
import "./modules/communities/index.ts";
import "./modules/attachments/index.ts";
import "./modules/audit/index.ts";
import "./modules/notifications/index.ts";
import "./modules/benchmarks/index.ts";

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
