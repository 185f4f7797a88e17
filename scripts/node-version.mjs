// Every command of the project runs on the Node.js pinned in package.json (the `node` package puts its
// binary first on the path of `npm run`). Imported first by each script, and run before `next build`
// and `next start`: it names the Node.js in use and stops on any other major version.
import path from "node:path";

export const REQUIRED_MAJOR = 24;

const major = Number(process.versions.node.split(".")[0]);
const inProject = path.relative(process.cwd(), process.execPath);
const where = inProject.startsWith("..") ? process.execPath : inProject;
if (major !== REQUIRED_MAJOR) {
  console.error(
    `picket: Node.js ${process.version} (${where}) is not Node.js ${REQUIRED_MAJOR}. ` +
      `Run the project through npm (\`npm run …\`, \`npm test\`), which uses the Node.js ${REQUIRED_MAJOR} that \`npm ci\` installed, ` +
      `or install Node.js ${REQUIRED_MAJOR} on the machine.`,
  );
  process.exit(1);
}
console.log(`picket: Node.js ${process.version} (${where})`);
