package org.yousaid.tagging.lab;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.Tagger;

/**
 * What each area's own theme model costs a tagging worker: the heap it holds, the time to load it
 * from its stored bytes (what the worker does on first use, and again after an eviction), and so
 * how many areas a worker of a given heap keeps at once. Every area model is loaded exactly as the
 * worker loads one: the shipped CoreNLP pipeline and safeguarding model shared, the theme model
 * its own, unpacked from the bytes the database keeps.
 */
final class AreaModelsBench {

    private AreaModelsBench() {
    }

    static void run(Path modelsDir, int areas, PrintStream out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Tagger shipped = Tagger.load(modelsDir);
        shipped.tag("The speech therapist was brilliant but we waited a year for the EHCP.");
        long base = settledHeap(memory);
        byte[] packed = ModelStore.toBytes(ModelStore.load(modelsDir.resolve("send")));
        long start = settledHeap(memory);

        List<Tagger> held = new ArrayList<>();
        long[] loadMillis = new long[areas];
        for (int i = 0; i < areas; i++) {
            long t0 = System.nanoTime();
            Tagger area = shipped.withThemes(ModelStore.fromBytes(packed));
            loadMillis[i] = (System.nanoTime() - t0) / 1_000_000;
            area.tag("My son has waited eight months for a wheelchair assessment.");
            held.add(area);
        }
        long end = settledHeap(memory);
        double perArea = (end - start) / (double) areas / (1 << 20);
        Arrays.sort(loadMillis);

        out.printf(Locale.ROOT, "shipped tagger (CoreNLP, encoder, theme and safeguarding models): %.0f MB of heap%n", base / 1048576.0);
        out.printf(Locale.ROOT, "an area's theme model: %.0f KB stored, %.1f MB of heap each (%d held: %.0f MB)%n",
                packed.length / 1024.0, perArea, held.size(), (end - start) / 1048576.0);
        out.printf(Locale.ROOT, "loading one from its stored bytes: median %d ms, slowest %d ms%n",
                loadMillis[areas / 2], loadMillis[areas - 1]);
        for (int heapMb : new int[] {1536, 2048, 3072}) {
            // A worker keeps a third of its heap free for tagging, retraining's copy and the GC's headroom.
            double room = heapMb * 2 / 3.0 - base / 1048576.0;
            out.printf(Locale.ROOT, "a worker with %d MB of heap holds about %d area models beside the shipped one%n",
                    heapMb, Math.max(0, (int) (room / perArea)));
        }
        held.clear();
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
