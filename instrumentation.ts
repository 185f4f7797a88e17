// Opens (and so locks and migrates) the database when the server starts, never at build time,
// so a second process on the same embedded directory is refused before it serves anything.
// A production server without its public address or its master key stops there too (db/boot.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootDatabase } = await import("./db/boot");
  await bootDatabase();
}
