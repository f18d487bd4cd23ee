// action.yml is the one place the Action's inputs are declared; src/action/inputs.ts only says how
// each is read. These checks fail when the two disagree or an input maps to no command option.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ACTION_INPUTS } from "../../src/action/inputs.ts";
import { COMMANDS } from "../../src/commands/index.ts";
import { COMMON_OPTIONS } from "../../src/commands/command.ts";
import { ACTION_OUTPUTS } from "../../src/commands/outputs.ts";

const action = parse(await readFile(fileURLToPath(new URL("../../action.yml", import.meta.url)), "utf8"));

test("src/action reads exactly the inputs action.yml declares, in its order", () => {
  assert.deepEqual(Object.keys(ACTION_INPUTS), Object.keys(action.inputs));
});

test("every option-like input is an option of some command, of the same type", () => {
  const options = new Map<string, string>(Object.entries(COMMON_OPTIONS).map(([name, spec]) => [name, spec.type]));
  for (const command of COMMANDS)
    for (const [name, spec] of Object.entries(command.options)) options.set(name, spec.multiple ? "list" : spec.type);
  for (const [name, kind] of Object.entries(ACTION_INPUTS)) {
    if (kind === "string" || kind === "boolean" || kind === "list")
      assert.equal(options.get(name), kind, `input "${name}"`);
    if (kind === "negated") assert.equal(options.get(`no-${name}`), "boolean", `input "${name}"`);
  }
});

test("boolean inputs default to true or false; token inputs say they are never logged", () => {
  for (const [name, kind] of Object.entries(ACTION_INPUTS)) {
    const input = action.inputs[name];
    if (kind === "boolean" || kind === "negated")
      assert.match(String(input.default), /^(true|false)$/, `input "${name}"`);
    if (kind === "secret") assert.match(input.description, /Never logged\./, `input "${name}"`);
  }
});

test("the outputs a command may set are exactly action.yml's, in its order", () => {
  assert.deepEqual([...ACTION_OUTPUTS], Object.keys(action.outputs));
});

test("the command input's description names every command, and only those", () => {
  const named = /^The command to run: (.*)\.$/.exec(action.inputs.command.description)![1].split(/, | or /);
  assert.deepEqual(
    named,
    COMMANDS.map((c) => c.name),
  );
});
