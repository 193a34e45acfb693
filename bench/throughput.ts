/** Requests per second with autocannon against servers in child processes (bench/serve.ts). */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface RunningServer {
  url: string;
  cookies: Record<string, string>;
  /** Page name -> variables, looked up in the server's database. */
  variables: Record<string, Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts bench/serve.ts with `env` and waits for its JSON line. */
export async function startServer(env: Record<string, string>, timeoutMs = 300_000): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/serve.ts")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench server did not start in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
      createInterface({ input: child.stdout! }).once("line", (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`bench server exited (${code})\n${stderr}`));
      });
    });
    const { port, cookies, variables } = JSON.parse(line) as { port: number; cookies: Record<string, string>; variables: RunningServer["variables"] };
    return { url: `http://127.0.0.1:${port}/graphql`, cookies, variables, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** The first response body, to show what was measured (and that it was not an error). */
  sample: string;
}

export async function load(url: string, body: string, headers: Record<string, string>, seconds: number, connections: number): Promise<LoadFigures> {
  // one request first: the figure is worthless if the answer is an error
  const sample = await (await fetch(url, { method: "POST", headers, body })).text();
  const result = await autocannon({ url, method: "POST", headers, body, duration: seconds, connections });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    sample: sample.slice(0, 200),
  };
}

export interface Target {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** One request kind against bare, from alternating runs: bare, X, bare, X, ..., bare. */
export interface Comparison {
  /** Median over rounds of X / mean(bare before, bare after): slow drifts in machine load cancel out. */
  ratio: number;
  ratios: number[];
  requestsPerSec: number;
  bareRequestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  sample: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function compareWithBare(bare: Target, target: Target, rounds: number, seconds: number, connections: number): Promise<Comparison> {
  const bareRuns = [await load(bare.url, bare.body, bare.headers, seconds, connections)];
  const runs: LoadFigures[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    runs.push(await load(target.url, target.body, target.headers, seconds, connections));
    bareRuns.push(await load(bare.url, bare.body, bare.headers, seconds, connections));
    ratios.push(runs[i]!.requestsPerSec / ((bareRuns[i]!.requestsPerSec + bareRuns[i + 1]!.requestsPerSec) / 2));
  }
  return {
    ratio: median(ratios),
    ratios,
    requestsPerSec: median(runs.map((r) => r.requestsPerSec)),
    bareRequestsPerSec: median(bareRuns.map((r) => r.requestsPerSec)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    sample: runs[0]!.sample,
  };
}
