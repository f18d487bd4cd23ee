import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateTransactions } from "../../src/demo/transactions.ts";
import { assessDrift } from "../../src/stats/drift/assess-drift.ts";
import { renderDriftHtml } from "../../src/report/drift-html.ts";
import { histogramOf, type Histogram } from "../../src/report/histogram.ts";

const CHROMIUM = "/usr/bin/chromium";

test(
  "the drift report opens in headless Chromium: one card per column, drifted first, a histogram each, no network",
  {
    skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it`,
  },
  async () => {
    const reference = generateTransactions({ rows: 4000, seed: 1, scenario: "baseline" });
    const current = generateTransactions({ rows: 3000, seed: 2, scenario: "new_scam" });
    const assessment = assessDrift(reference, current, { exclude: ["is_fraud"] });
    const histograms = new Map<string, Histogram>();
    for (const c of assessment.columns) {
      const h = histogramOf(
        reference.columns.find((x) => x.name === c.name)!,
        current.columns.find((x) => x.name === c.name)!,
      );
      if (h) histograms.set(c.name, h);
    }
    const html = renderDriftHtml(
      {
        model: 'fraud <script>alert("x")</script>',
        assessment,
        reference: "data/train.csv",
        current: ["logs/day.jsonl"],
      },
      histograms,
    );
    const file = join(await mkdtemp(join(tmpdir(), "mk-html-")), "drift.html");
    await writeFile(file, html);

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      const cards = await page.$$eval("section.card[data-column]", (nodes) =>
        nodes.map((n) => ({
          column: n.getAttribute("data-column"),
          drifted: n.getAttribute("data-drifted") === "true",
          bars: n.querySelectorAll("svg rect").length,
          visible: (n as unknown as { offsetHeight: number }).offsetHeight > 0,
        })),
      );
      assert.equal(cards.length, assessment.columns.length);
      assert.deepEqual(
        cards.map((c) => c.column),
        assessment.columns.map((c) => c.name),
      );
      const firstClean = cards.findIndex((c) => !c.drifted);
      assert.ok(
        cards.slice(firstClean).every((c) => !c.drifted),
        "drifted columns come before the rest",
      );
      assert.ok(cards.some((c) => c.column === "device" && c.drifted));
      for (const card of cards) {
        assert.ok(card.visible, `${card.column} is visible`);
        assert.ok(card.bars >= 2, `${card.column} has a histogram`);
      }
      assert.equal(await page.title(), 'Drift report: fraud <script>alert("x")</script>');
      assert.deepEqual(dialogs, [], "user text is escaped: no script ran");
      assert.deepEqual(
        requests.filter((u) => !u.startsWith("file:")),
        [],
        "no network request",
      );
    } finally {
      await browser.close();
    }
  },
);
