/**
 * An HTTP server for the throughput runs, in its own process so that autocannon (in the bench process)
 * and the server do not share an event loop. Prints one JSON line when listening: { port, cookies }.
 *   BENCH_SERVER=bare   createYoga with a one-field schema: the floor any GraphQL request pays
 *   BENCH_SERVER=app    the production stack (createApp with production: true) on BENCH_DB_URL, or on an
 *                       embedded database seeded here at BENCH_SEED_SCALE
 *   BENCH_SESSIONS      comma-separated demo accounts to sign in (cookies come back in the JSON line)
 * With a database, the JSON line also carries each page's variables as looked up in that database.
 */
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import { createDb, type Db } from "@citypeer/db";
import { seed } from "../prisma/seed/index.ts";
import { generate } from "./data.ts";
import { pageQueries } from "./queries.ts";
import { cookieFor, createBenchApp } from "./requests.ts";

type Handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void;

let db: Db | undefined;
let handler: Handler;
const cookies: Record<string, string> = {};
const variables: Record<string, Record<string, unknown>> = {};

if (process.env.BENCH_SERVER === "bare") {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: "type Query { ok: Boolean }", resolvers: { Query: { ok: () => true } } }),
    graphqlEndpoint: "/graphql",
    graphiql: false,
    landingPage: false,
    logging: "warn",
  });
  handler = (req, res) => void yoga(req, res);
} else {
  const url = process.env.BENCH_DB_URL;
  db = await createDb(url ? { url } : { url: "", dataDir: "memory" });
  const scale = Number(process.env.BENCH_SEED_SCALE ?? 0);
  if (!url && scale > 0) {
    await seed(db.prisma);
    await generate(db.prisma, scale);
  }
  for (const email of (process.env.BENCH_SESSIONS ?? "").split(",").filter(Boolean)) cookies[email] = await cookieFor(db.prisma, email);
  for (const page of pageQueries) variables[page.name] = await page.variables(db.prisma);
  const { yoga } = createBenchApp(db);
  handler = (req, res) => {
    if ((req.url ?? "").split("?")[0] === "/graphql") return void yoga(req, res);
    res.writeHead(404).end();
  };
}

const server = createServer(handler);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(JSON.stringify({ port, cookies, variables }) + "\n");
});

async function shutdown() {
  server.close();
  await db?.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
