// A real SMTP server on a loopback port for the tests: it receives, parses and keeps every message.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Answer the next n messages with a temporary failure. */
  failNext(n: number, reply?: string): void;
  /** Called when a message's data has arrived, before it is accepted; throwing refuses it. */
  onData?: (count: number) => void | Promise<void>;
  close(): Promise<void>;
}

const toMail = (p: ParsedMail): ReceivedMail => ({
  to: Array.isArray(p.to) ? p.to.map((a) => a.text).join(", ") : (p.to?.text ?? ""),
  messageId: p.messageId ?? "",
  subject: p.subject ?? "",
  text: p.text ?? "",
  html: typeof p.html === "string" ? p.html : "",
  attachments: p.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content.toString("utf8") })),
});

export async function startSmtpServer(): Promise<TestSmtpServer> {
  let failures = 0;
  let failReply = "451 Try again later";
  let arrived = 0;
  const state: TestSmtpServer = {
    url: "",
    received: [],
    failNext(n, reply = "451 Try again later") {
      failures = n;
      failReply = reply;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        arrived += 1;
        try {
          await state.onData?.(arrived);
          if (failures > 0) {
            failures -= 1;
            const err = new Error(failReply) as Error & { responseCode: number };
            err.responseCode = Number(failReply.slice(0, 3));
            return callback(err);
          }
          state.received.push(toMail(await simpleParser(Buffer.concat(chunks))));
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
