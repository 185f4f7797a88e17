import path from "node:path";
import { readOrCreateSecretFile } from "../lib/auth/secret";
import { readOrCreateMasterKeyFile } from "../lib/crypto/master";

type Env = Record<string, string | undefined>;

export interface DemoServer {
  port: number;
  dataDir: string;
  /** SMTP URL of the mail catcher the demo started, or null when SMTP_URL names the organisation's server. */
  mailCatcherSmtp: string | null;
}

/**
 * The environment the demo's production server starts with: what production requires (a public address,
 * AUTH_SECRET, the master key the attendees' data is sealed under) taken from the environment when set, else
 * generated once into the demo's data folder so that a restart reads what the last run sealed.
 */
export function demoServerEnv({ port, dataDir, mailCatcherSmtp }: DemoServer, env: Env = process.env): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _conditions, ...inherited } = env;
  const masterKey = env.PICKET_MASTER_KEY || env.PICKET_MASTER_KEY_FILE ? {} : { PICKET_MASTER_KEY_FILE: path.join(dataDir, "master-key") };
  if ("PICKET_MASTER_KEY_FILE" in masterKey) readOrCreateMasterKeyFile(dataDir);
  const server: Env = {
    ...inherited,
    ...masterKey,
    NODE_ENV: "production",
    AUTH_SECRET: env.AUTH_SECRET || readOrCreateSecretFile(dataDir),
    PICKET_DATA_DIR: dataDir,
    PORT: String(port),
    // Links in emails point here, and nowhere a request names.
    PICKET_PUBLIC_URL: env.PICKET_PUBLIC_URL || `http://localhost:${port}`,
    ...(mailCatcherSmtp
      ? {
          SMTP_URL: mailCatcherSmtp,
          MAIL_FROM: env.MAIL_FROM ?? "Picket demo <picket@localhost>",
          PICKET_OUTBOX_INTERVAL_SECONDS: env.PICKET_OUTBOX_INTERVAL_SECONDS ?? "2",
        }
      : {}),
  };
  return server as NodeJS.ProcessEnv; // NODE_ENV is set above
}
