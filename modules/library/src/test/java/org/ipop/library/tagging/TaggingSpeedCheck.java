package org.ipop.library.tagging;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ipop.library.ipc.IpcCode;

/**
 * Measures tagging speed on the 7,798 real titles of {@code shared/data/samples/cn-patent-titles/titles.csv}. Run by
 * hand, not by the build (timings do not belong in unit tests):
 * {@code java -cp <test classpath> org.ipop.library.tagging.TaggingSpeedCheck [titles.csv]}.
 *
 * <p>The file gives only subclasses ({@code A01M|G06F}); each is expanded to its group 1 ({@code A01M1/00}) so that
 * every patent has codes to look up. The text is the title only.
 */
public final class TaggingSpeedCheck {

    private record Sample(List<IpcCode> codes, String title) {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : SharedData.file("samples/cn-patent-titles/titles.csv");
        List<Sample> samples = read(file);

        long loadStart = System.nanoTime();
        SegmentTagger tagger = SegmentTagger.standard();
        System.out.printf("catalogs loaded in %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);

        // CPU time of this thread, not wall time: the check is usually run on a busy build machine. The best round
        // is reported, after warm-up rounds that let the JIT compile the tagger.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int warmUpRounds = 5;
        int measuredRounds = 10;
        for (int round = 0; round < warmUpRounds; round++) {
            tagAll(tagger, samples);
        }
        long tags = 0;
        long bestNanos = Long.MAX_VALUE;
        for (int round = 0; round < measuredRounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            tags = tagAll(tagger, samples);
            bestNanos = Math.min(bestNanos, threads.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("%d patents, %.1f tags per patent, %.2f µs CPU per patent%n", samples.size(),
                (double) tags / samples.size(), bestNanos / 1e3 / samples.size());
    }

    private static long tagAll(SegmentTagger tagger, List<Sample> samples) {
        long tags = 0;
        for (Sample sample : samples) {
            tags += tagger.tag(sample.codes(), sample.title()).size();
        }
        return tags;
    }

    private static List<Sample> read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
                List<IpcCode> codes = Arrays.stream(row.get("ipc_subclasses").split("\\|"))
                        .map(subclass -> IpcCode.tryParse(subclass + "1/00")).flatMap(Optional::stream)
                        .toList();
                samples.add(new Sample(codes, row.get("title")));
            }
        }
        return samples;
    }
}
