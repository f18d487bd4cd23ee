import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown, escapeHtml, markdownCode } from "../../src/report/escape.ts";

const table: Array<[string, string]> = [
  ["[click](https://evil.example)", "\\[click\\](https://evil.example)"],
  ["![img](x)", "!\\[img\\](x)"],
  ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
  ["@org/team please look", "@\u200borg/team please look"],
  ["a|b", "a\\|b"],
  ["**bold** _it_ `code` ~~s~~", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~"],
  ["line one\nline two", "line one line two"],
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
