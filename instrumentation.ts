// Opens (and so locks and migrates) the database when the server starts, never at build time,
// so a second process on the same embedded directory is refused before it serves anything.
// A production server without its public address stops here too: links in emails are made from it alone.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { publicUrlProblem } = await import("./lib/mail/origin");
  const problem = publicUrlProblem();
  if (problem) {
    const { log } = await import("./lib/log");
    log.fatal(problem);
    process.exit(1);
  }
  const { bootDatabase } = await import("./db/boot");
  await bootDatabase();
}
