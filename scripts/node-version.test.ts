import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REQUIRED_MAJOR } from "./node-version.mjs";

// The suite runs on the Node.js that package.json pins, not on whatever the machine has on its path.
describe("the Node.js the project runs on", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));

  it("is the pinned Node.js 24", () => {
    expect(REQUIRED_MAJOR).toBe(24);
    expect(process.version).toBe(`v${pkg.devDependencies.node}`);
  });

  it("is named the same way by package.json's engines, .nvmrc and .node-version", () => {
    expect(pkg.engines.node).toBe(`>=${REQUIRED_MAJOR} <${REQUIRED_MAJOR + 1}`);
    expect(readFileSync(".nvmrc", "utf8").trim()).toBe(pkg.devDependencies.node);
    expect(readFileSync(".node-version", "utf8").trim()).toBe(pkg.devDependencies.node);
  });
});
