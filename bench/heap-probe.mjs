// Bench only: the export benchmark loads this into the server it starts (NODE_OPTIONS=--import, with
// PICKET_BENCH_HEAP_DIR set); the app never imports it. The resident set size of a Node process keeps
// pages V8 has freed and moves with unrelated work, so the benchmark reads the JavaScript heap instead:
// heapUsed + external (Buffers live outside the heap) between "start" and "stop": sampled every 2 ms, and
// read by V8 just before every collection (GCProfiler), where the peaks are even when a long synchronous
// stretch keeps the timer from firing. "start" runs a full collection first, so the baseline is what is live
// just before the export; the peak includes garbage not yet collected, as the process really held it.
// "live" is the most that was left after any full collection: roughly what the export kept.
// With /start?retained, it also runs a full collection every 50 ms and reads what is left: what the export
// holds at any moment. Those runs are separate from the timed ones, whose peak they would lower.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { GCProfiler, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const dir = process.env.PICKET_BENCH_HEAP_DIR;
if (dir) {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  let baseline = 0;
  let peak = 0;
  let live = 0;
  let timer;
  let profiler;
  let retained = false;
  // npx, next and its server all load this: each answers on its own port, named by its pid.
  const server = createServer((req, res) => {
    if (req.url === "/start" || req.url === "/start?retained") {
      clearInterval(timer);
      profiler?.stop();
      gc();
      baseline = peak = live = used();
      profiler = new GCProfiler();
      profiler.start();
      retained = req.url.endsWith("?retained");
      let ticks = 0;
      timer = setInterval(() => {
        peak = Math.max(peak, used());
        if (retained && ++ticks % 25 === 0) {
          gc();
          live = Math.max(live, used());
        }
      }, 2);
    } else if (req.url === "/stop" && profiler) {
      clearInterval(timer);
      peak = Math.max(peak, used());
      const size = ({ heapStatistics: h }) => h.usedHeapSize + h.externalMemory;
      for (const { gcType, beforeGC, afterGC } of profiler.stop().statistics) {
        peak = Math.max(peak, size(beforeGC));
        // Held memory comes from the forced, atomic collections alone. After a scavenge, garbage already
        // promoted to the old generation still counts, and V8's own incremental full collections leave
        // what was allocated while they marked.
        if (!retained && gcType === "MarkSweepCompact") live = Math.max(live, size(afterGC));
      }
      profiler = undefined;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ baseline, peak, live }));
  });
  server.listen(0, "127.0.0.1", () => writeFileSync(path.join(dir, String(process.pid)), String(server.address().port)));
  server.unref();
}
