// Preloaded with --import into a child process: prints its peak resident memory and its CPU time
// (user + system, every thread) at exit.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nPEAK_RSS_KB=${usage.maxRSS}\nCPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
