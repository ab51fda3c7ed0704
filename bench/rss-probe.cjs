// Preloaded into the benchmarked process: writes its peak resident set size (KiB) when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.RSS_PROBE_FILE) writeFileSync(process.env.RSS_PROBE_FILE, String(process.resourceUsage().maxRSS));
});
