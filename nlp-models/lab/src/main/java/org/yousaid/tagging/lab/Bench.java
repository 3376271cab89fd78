package org.yousaid.tagging.lab;


import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.yousaid.tagging.engine.LabelledData;
import org.yousaid.tagging.engine.LabelledText;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.Tagger;

/**
 * {@code nlp bench}: time to load CoreNLP and the models, heap in use after loading (after a full
 * GC) and the process's resident memory, then comments per second through the whole tagging step on 1 and 2 threads.
 */
final class Bench {

    private Bench() {
    }

    /** VmRSS from /proc: the ONNX runtime's memory lives outside the Java heap. */
    private static String residentMemory() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return kb / 1000 + " MB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // Not Linux: the heap figure stands alone.
        }
        return "unknown";
    }

    static void run(Path models, Path data, int seconds, PrintStream out, Progress progress) throws Exception {
        List<String> texts = LabelledData.read(data).stream().map(LabelledText::text).toList();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        Tagger tagger = Tagger.load(models);
        tagger.tag("warm the pipeline up: my son Jack waits for speech therapy in Chelmsford.");
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        out.printf(Locale.ROOT, "load: %.1f s (CoreNLP light pipeline, word vectors, sentence encoder, %s)%n",
                loadSeconds, tagger.version());
        out.printf(Locale.ROOT, "heap after load: %d MB in use (%d MB before loading), max heap %d MB%n",
                heapAfter / 1_000_000, heapBefore / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000);
        progress.say("warming up on %d texts from %s", texts.size(), data.getFileName());
        throughput(tagger, texts, 1, Math.max(3, seconds / 4));
        for (int threads : new int[] {1, 2}) {
            double rate = throughput(tagger, texts, threads, seconds);
            out.printf(Locale.ROOT, "threads %d: %.0f comments/s (%d s)%n", threads, rate, seconds);
        }
        out.printf(Locale.ROOT, "heap at end: %d MB in use; process resident memory %s (heap, ONNX runtime, code)%n",
                usedHeap() / 1_000_000, residentMemory());
    }

    private static double throughput(Tagger tagger, List<String> texts, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 97;
                futures.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        tagger.tag(texts.get(i++ % texts.size()));
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
