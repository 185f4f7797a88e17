/**
 * How long the test servers keep an idle connection open: longer than any pause between a test's requests (a wait
 * for an email, a worker's round), so that the server never closes a connection just as a test's client reuses it.
 */
export const KEEP_ALIVE_MS = 120_000;
