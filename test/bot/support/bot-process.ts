// The running bot (bot-harness.ts's startBot) in a process of its own, so that a test can read
// its memory from /proc without counting the client's. Answers IPC messages:
//   "memory" -> { rssBytes, peakRssBytes }   (VmRSS and VmHWM of this process)
//   "pulls"  -> the stand-in's pull requests as [number, title, head, state]
import { readFileSync } from "node:fs";
import { pulls, startBot } from "./bot-harness.ts";

const bot = await startBot();

function memory() {
  const status = readFileSync("/proc/self/status", "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024;
  return { rssBytes: kib("VmRSS"), peakRssBytes: kib("VmHWM") };
}

process.on("message", async (message) => {
  if (message === "memory") process.send!({ memory: memory() });
  else if (message === "pulls") process.send!({ pulls: pulls(bot.gh) });
  else if (message === "close") {
    await bot.close();
    process.disconnect();
  }
});
process.send!({ url: bot.url, memory: memory() });
