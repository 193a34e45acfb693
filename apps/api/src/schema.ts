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
import "./modules/pilots/index.ts";
import "./modules/reviews/index.ts";
import "./modules/open-call/index.ts";
import "./modules/practices/index.ts";
import "./modules/grants/index.ts";
import "./modules/dashboard/index.ts";
import "./modules/exports/index.ts";

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
