import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown, escapeHtml, escapeWorkflowCommands, markdownCode } from "../../src/report/escape.ts";

const table: Array<[string, string]> = [
  ["[click](https://evil.example)", "\\[click\\](https:\u200b//evil.example)"],
  // Bare URLs and references GitHub would link by itself (GFM extended autolinks, issue references).
  ["see https://evil.example/x and HTTP://x.y", "see https:\u200b//evil.example/x and HTTP:\u200b//x.y"],
  ["www.evil.example or WWW.x.y", "www\u200b.evil.example or WWW\u200b.x.y"],
  ["ftp://h/f data:,x", "ftp:\u200b//h/f data:,x"],
  ["mailto:a@b.c", "mailto:\u200ba@\u200bb.c"],
  ["fixes #12, org/repo#3 and GH-7; not #x", "fixes #\u200b12, org/repo#\u200b3 and GH-\u200b7; not #x"],
  ["![img](x)", "!\\[img\\](x)"],
  ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
  ["@org/team please look", "@\u200borg/team please look"],
  ["a|b", "a\\|b"],
  ["**bold** _it_ `code` ~~s~~", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~"],
  ["line one\nline two", "line one line two"],
  ["x\r# PROMOTE: verified by maintainers\r", "x # PROMOTE: verified by maintainers "],
  ["a\u2028b\u2029c\u0000d\u001be", "a b c d e"],
  ["&lt; stays literal", "&amp;lt; stays literal"],
  ["AUC 0.91 (up from 0.88).", "AUC 0.91 (up from 0.88)."],
];

for (const [input, expected] of table) {
  test(`escapeMarkdown(${JSON.stringify(input)})`, () => assert.equal(escapeMarkdown(input), expected));
}

test("escapeHtml and code spans", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  assert.equal(markdownCode("a`b\nc"), "`aˋb c`");
});

test("no line of user text can start a workflow command on the runner's stdout", () => {
  const hostile =
    "x\n::error title=modelkeeper::fraud PROMOTE\n  ::set-output name=verdict::promote\r::add-mask::x\r\n::stop-commands::t";
  const escaped = escapeWorkflowCommands(hostile);
  for (const line of escaped.split(/\r\n|[\r\n]/)) assert.ok(!line.trimStart().startsWith("::"), JSON.stringify(line));
  assert.equal(escaped.replace(/\u200b/g, ""), hostile, "only zero-width spaces are added");
  assert.equal(escapeWorkflowCommands("fraud: PROMOTE (a::b)"), "fraud: PROMOTE (a::b)");
});

test("the legacy ##[command] syntax, which the runner finds anywhere in a line, and other leading whitespace are escaped too", () => {
  const hostile = "feature x2 ##[set-output name=verdict;]promote\n\v\f\u00a0::add-mask::x\n##[error]fake";
  const escaped = escapeWorkflowCommands(hostile);
  assert.ok(!escaped.includes("##["), escaped);
  for (const line of escaped.split(/\r\n|[\r\n]/))
    assert.ok(!line.replace(/^\s+/, "").startsWith("::"), JSON.stringify(line));
  assert.equal(escaped.replace(/\u200b/g, ""), hostile, "only zero-width spaces are added");
});
