// Tests import lib/ modules directly; "server-only" guards bundles, not the test runner.
export {};
