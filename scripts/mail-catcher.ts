import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

// MailDev: an SMTP server that keeps what it receives, with a web inbox to read it. The demo points the app at
// it so that a newcomer reads the confirmation and opens the private link there; nothing leaves the machine.

export interface MailCatcher {
  smtpUrl: string;
  inboxUrl: string;
  stop(): void;
}

/** A port nobody listens on now, on 127.0.0.1: the preferred one if it is free. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(freePort(0)));
    server.listen(preferred, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The command that runs MailDev on the given ports, listening on 127.0.0.1 only. */
export function mailDevCommand(smtpPort: number, webPort: number, mailDirectory?: string): string[] {
  const bin = path.resolve("node_modules/maildev/dist/bin/maildev.js");
  return [
    process.execPath,
    bin,
    "--smtp",
    String(smtpPort),
    "--web",
    String(webPort),
    "--ip",
    "127.0.0.1",
    "--web-ip",
    "127.0.0.1",
    "--silent",
    ...(mailDirectory ? ["--mail-directory", mailDirectory] : []),
  ];
}

/** Starts MailDev (by default on 1025 and 1080, else on free ports) and waits until its inbox answers. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const smtpPort = await freePort(1025);
  const webPort = await freePort(1080);
  // Its messages hold private links: kept in a folder of its own, removed when the demo stops.
  const mailDirectory = mkdtempSync(path.join(os.tmpdir(), "picket-mail-"));
  const [node, ...args] = mailDevCommand(smtpPort, webPort, mailDirectory);
  const child: ChildProcess = spawn(node!, args, { stdio: ["ignore", "ignore", "inherit"] });
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`MailDev stopped at start (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${inboxUrl}/api/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl,
    stop() {
      child.kill("SIGTERM");
      rmSync(mailDirectory, { recursive: true, force: true });
    },
  };
}
