// Writes the README's table of the Action's inputs and outputs from action.yml, the one place they
// are declared (src/action/inputs.ts is checked against it by test/action/action-yml.test.ts).
//   node scripts/action-table.mjs           rewrite the table between the markers in README.md
//   node scripts/action-table.mjs --check   fail if README.md's table is not what action.yml says (CI)
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const readmePath = `${root}README.md`;
const START =
  "<!-- action-table: generated from action.yml by scripts/action-table.mjs; edit action.yml, then run it -->";
const END = "<!-- action-table: end -->";

/** Markdown text of a description: its own `|` would end the cell, and `<model>` would be read as HTML. */
const cell = (text) =>
  String(text).trim().replace(/\s+/g, " ").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const code = (text) => `\`${String(text).replace(/`/g, "'")}\``;

async function actionTable() {
  const action = parse(await readFile(`${root}action.yml`, "utf8"));
  const lines = ["**Inputs**", "", "| input | description | default |", "| --- | --- | --- |"];
  for (const [name, input] of Object.entries(action.inputs)) {
    const fallback = input.default === undefined ? (input.required ? "required" : "") : code(input.default);
    lines.push(`| ${code(name)} | ${cell(input.description)} | ${fallback} |`);
  }
  lines.push("", "**Outputs**", "", "| output | description |", "| --- | --- |");
  for (const [name, output] of Object.entries(action.outputs))
    lines.push(`| ${code(name)} | ${cell(output.description)} |`);
  // As `npm run format` would print it, so the formatter and this script never undo each other.
  const options = { ...(await resolveConfig(readmePath)), parser: "markdown" };
  return (await format(lines.join("\n") + "\n", options)).trimEnd();
}

const readme = await readFile(readmePath, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md: the markers ${START} and ${END} are missing; put them where the Action's table goes.`);
  process.exit(2);
}
const updated = `${readme.slice(0, start + START.length)}\n\n${await actionTable()}\n\n${readme.slice(end)}`;
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error(
      "README.md: the Action's table differs from action.yml. Run node scripts/action-table.mjs and commit README.md.",
    );
    process.exit(1);
  }
  console.log("README.md's Action table matches action.yml.");
} else if (updated !== readme) {
  await writeFile(readmePath, updated);
  console.log("README.md: Action table rewritten from action.yml.");
}
