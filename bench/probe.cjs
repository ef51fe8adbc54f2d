// Preloaded into every relay under test (ours and the peers alike, with
// `node --require`): every 250 ms it appends the process's RSS, heap, CPU
// time and event-loop delay (max and p99 over that window) to
// $BENCH_PROBE_FILE as a JSON line. SIGUSR2 forces a garbage collection
// (with --expose-gc) and writes a line at once, for heap comparisons.
// Worker threads inherit `--require`: the probe runs in the main thread only,
// or a relay with threads would carry one probe (and its timers) per thread.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_PROBE_FILE;
if (file && isMainThread) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const write = (extra) => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    appendFileSync(
      file,
      JSON.stringify({
        t: Date.now(),
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        cpuMs: (cpu.user + cpu.system) / 1000,
        lagMaxMs: delay.max / 1e6,
        lagP99Ms: delay.percentile(99) / 1e6,
        ...extra,
      }) + '\n',
    );
    delay.reset();
  };
  setInterval(write, 250).unref();
  process.on('SIGUSR2', () => {
    if (global.gc) {
      global.gc();
      global.gc();
    }
    write({ gc: true });
  });
}
