package org.ipop.matching.engine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.enterprises.EnterpriseView;
import org.ipop.library.MatchablePatent;
import org.ipop.library.Segments;
import org.ipop.reference.IndustryClass;
import org.ipop.reference.ReferenceData;
import org.ipop.reference.Region;

/**
 * The national-scale matching benchmark of docs/benchmarks.md: a deterministic data set of patents and enterprises
 * spread over the real provinces and districts, industry classes, SEI branches and the real title vocabulary, then a
 * full run (every enterprise's top k, on {@code threads} threads), the incremental match of single patents against
 * all enterprises, and the recall of candidate generation against scoring every patent, on a sample.
 *
 * <p>Arguments: patents enterprises threads [enterprises-to-run] [recall-sample]. With fewer enterprises to run than
 * generated, the full-run time is extrapolated from the measured rate (and reported as such).
 */
public final class NationalBenchmark {

    private static final int K = 20;

    private NationalBenchmark() {
    }

    /** A real title with its subclasses and, computed once, its IPC codes and segment tags. */
    private record Title(String title, List<String> ipc, List<MatchablePatent.Segment> segments) {
    }

    public static void main(String[] args) throws Exception {
        int patentCount = Integer.parseInt(args[0]);
        int enterpriseCount = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int toRun = args.length > 3 ? Integer.parseInt(args[3]) : enterpriseCount;
        int recallSample = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        Random random = new Random(20261121);

        long started = System.nanoTime();
        List<Title> titles = titles();
        List<Region> allDistricts = new ArrayList<>();
        for (Region region : allRegions()) {
            if (!region.level().equals("province") && !region.level().equals("prefecture")) {
                allDistricts.add(region);
            }
        }
        String[] tiers = {"A", "B", "B", "C", "C", "C", "C", "D"};
        List<MatchablePatent> patents = new ArrayList<>(patentCount);
        for (int i = 0; i < patentCount; i++) {
            Title title = titles.get(random.nextInt(titles.size()));
            Title other = titles.get(random.nextInt(titles.size()));
            Region region = allDistricts.get(random.nextInt(allDistricts.size()));
            patents.add(new MatchablePatent("nation", "P" + i, title.title(), other.title(), null, "institution",
                    title.segments(), title.ipc(), region.provinceCode(), tiers[random.nextInt(tiers.length)],
                    20 + random.nextInt(70), random.nextBoolean()));
        }
        long generatedPatents = System.nanoTime();
        PatentCorpus corpus = PatentCorpus.of(patents);
        long indexed = System.nanoTime();
        MatchingEngine engine = new MatchingEngine(corpus);

        IndustryBridge bridge = IndustryBridge.standard();
        List<IndustryClass> classes = ReferenceData.get().industryClasses().stream().filter(c -> c.level() == 4)
                .toList();
        List<IndustryClass> bridged = classes.stream().filter(c -> !bridge.branchesOf(c.code()).isEmpty()).toList();
        String[] recognitions = {"SPECIALIZED_SME", "LITTLE_GIANT", "HIGH_TECH", "TECH_SME"};
        List<EnterpriseQuery> enterprises = new ArrayList<>(enterpriseCount);
        for (int i = 0; i < enterpriseCount; i++) {
            Title focus = titles.get(random.nextInt(titles.size()));
            Title second = titles.get(random.nextInt(titles.size()));
            Region region = allDistricts.get(random.nextInt(allDistricts.size()));
            IndustryClass industry = random.nextInt(10) < 6 ? bridged.get(random.nextInt(bridged.size()))
                    : classes.get(random.nextInt(classes.size()));
            List<String> branches = random.nextBoolean() ? focus.segments().stream()
                    .filter(s -> s.catalog().equals("SEI_2021")).map(MatchablePatent.Segment::code).limit(2).toList()
                    : List.of();
            List<String> ipc = random.nextInt(5) == 0 ? focus.ipc() : List.of();
            String products = focus.title().replace("一种", "") + "、" + second.title().replace("一种", "");
            EnterpriseProfile profile = new EnterpriseProfile("E" + i, "企业" + i, region.code(),
                    List.of(industry.code()), branches, "SMALL", random.nextInt(10) == 0
                            ? List.of(recognitions[random.nextInt(recognitions.length)]) : List.of(),
                    products, "", List.of(), ipc, null, null);
            EnterpriseView view = new EnterpriseView(profile, region.name(),
                    List.of(new EnterpriseView.CodeName(industry.code(), industry.name())),
                    branches.stream().map(b -> new EnterpriseView.CodeName(b, null)).toList(), List.of(), null, null);
            enterprises.add(EnterpriseQuery.of(view, List.of(), Set.of(), bridge));
        }
        long generated = System.nanoTime();
        System.gc();
        long heapAfterLoad = usedHeap();
        System.out.printf(Locale.ROOT, "generated %,d patents in %.1f s, indexed in %.1f s, %,d enterprises in %.1f s;"
                        + " heap in use after GC %,d MB%n", patentCount, (generatedPatents - started) / 1e9,
                (indexed - generatedPatents) / 1e9, enterpriseCount, (generated - indexed) / 1e9,
                heapAfterLoad / 1_000_000);

        // Full run.
        AtomicLong matches = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long runStarted = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int e = first; e < toRun; e += threads) {
                        matches.addAndGet(engine.topPatents(enterprises.get(e), K).size());
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        double runSeconds = (System.nanoTime() - runStarted) / 1e9;
        double rate = done.get() / runSeconds;
        System.out.printf(Locale.ROOT, "full run: %,d enterprises in %.1f s on %d threads (%.0f enterprises/s),"
                        + " %.1f matches per enterprise; all %,d enterprises: %s%n", done.get(), runSeconds, threads,
                rate, (double) matches.get() / done.get(), enterpriseCount,
                toRun == enterpriseCount ? String.format(Locale.ROOT, "%.1f min measured", runSeconds / 60)
                        : String.format(Locale.ROOT, "%.1f min extrapolated", enterpriseCount / rate / 60));
        System.out.printf(Locale.ROOT, "heap: peak in use %,d MB (max %,d MB)%n", peakHeap() / 1_000_000,
                Runtime.getRuntime().maxMemory() / 1_000_000);

        // Incremental: one new patent against all enterprises, through the enterprise index (built once, as the
        // platform builds it once per batch of newly available patents), and by scoring every enterprise in turn.
        long indexStarted = System.nanoTime();
        EnterpriseIndex index = EnterpriseIndex.of(enterprises);
        System.out.printf(Locale.ROOT, "enterprise index built in %.1f s%n", (System.nanoTime() - indexStarted) / 1e9);
        double[] incremental = new double[20];
        double[] everyOne = new double[incremental.length];
        int differing = 0;
        for (int i = 0; i < incremental.length; i++) {
            int patent = random.nextInt(corpus.size());
            long t0 = System.nanoTime();
            List<Match> found = engine.topEnterprises(patent, index, K);
            incremental[i] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            List<Match> reference = engine.exhaustiveTopEnterprises(patent, enterprises, K);
            everyOne[i] = (System.nanoTime() - t1) / 1e6;
            differing += found.stream().map(Match::score).toList().equals(reference.stream().map(Match::score)
                    .toList()) ? 0 : 1;
        }
        double first = incremental[0];
        Arrays.sort(incremental);
        Arrays.sort(everyOne);
        System.out.printf(Locale.ROOT, "incremental (one patent vs %,d enterprises): median %.0f ms, max %.0f ms"
                        + " (first %.0f ms); scoring every enterprise: median %.0f ms, max %.0f ms;"
                        + " patents whose top %d scores differ between the two: %d of %d%n",
                enterpriseCount, incremental[incremental.length / 2], incremental[incremental.length - 1], first,
                everyOne[everyOne.length / 2], everyOne[everyOne.length - 1], K, differing,
                incremental.length);

        // The platform's path for a newly available patent: appended to the corpus it keeps (PatentCorpus.plus, a
        // new engine over the result), then matched against all enterprises through the index.
        double[] appended = new double[10];
        double[] appendOnly = new double[appended.length];
        for (int i = 0; i < appended.length; i++) {
            Title title = titles.get(random.nextInt(titles.size()));
            Title other = titles.get(random.nextInt(titles.size()));
            MatchablePatent fresh = new MatchablePatent("nation", "NEW" + i, title.title(), other.title(), null,
                    "institution", title.segments(), title.ipc(), "420000", "B", 60, true);
            long t0 = System.nanoTime();
            PatentCorpus grown = corpus.plus(List.of(fresh));
            appendOnly[i] = (System.nanoTime() - t0) / 1e6;
            List<Match> found = new MatchingEngine(grown).topEnterprises(grown.indexOf("NEW" + i), index, K);
            appended[i] = (System.nanoTime() - t0) / 1e6;
            if (found.isEmpty()) {
                System.out.println("note: new patent " + i + " suits no enterprise");
            }
        }
        double firstAppended = appended[0];
        Arrays.sort(appended);
        Arrays.sort(appendOnly);
        System.out.printf(Locale.ROOT, "new patent appended to the kept corpus and matched against %,d enterprises:"
                        + " median %.0f ms, max %.0f ms (first %.0f ms; appending alone: median %.0f ms, max %.0f ms)%n",
                enterpriseCount, appended[appended.length / 2], appended[appended.length - 1], firstAppended,
                appendOnly[appendOnly.length / 2], appendOnly[appendOnly.length - 1]);

        // Recall of candidate generation against scoring every patent.
        double recall = 0;
        int measured = 0;
        for (int i = 0; i < recallSample; i++) {
            EnterpriseQuery enterprise = enterprises.get(random.nextInt(enterprises.size()));
            List<Match> exhaustive = engine.exhaustiveTopPatents(enterprise, K);
            if (exhaustive.isEmpty()) {
                continue;
            }
            Set<String> exhaustiveIds = new HashSet<>();
            exhaustive.forEach(match -> exhaustiveIds.add(match.patentId()));
            List<Match> found = engine.topPatents(enterprise, K);
            recall += found.stream().filter(m -> exhaustiveIds.contains(m.patentId())).count()
                    / (double) exhaustive.size();
            measured++;
        }
        System.out.printf(Locale.ROOT, "recall@%d of candidate generation vs exhaustive scoring: %.3f (%d enterprises)%n",
                K, recall / Math.max(1, measured), measured);
    }

    private static List<Region> allRegions() {
        List<Region> regions = new ArrayList<>();
        for (String province : List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
                "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
                "65")) {
            regions.addAll(ReferenceData.get().regionsWithin(province + "0000"));
        }
        return regions;
    }

    private static List<Title> titles() throws IOException {
        List<Title> titles = new ArrayList<>();
        Map<String, List<MatchablePatent.Segment>> cache = new LinkedHashMap<>();
        try (Reader csv = new InputStreamReader(NationalBenchmark.class.getResourceAsStream(
                "/org/ipop/library/demo/titles.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
                int group = 1 + Math.floorMod(row.get("publication_number").hashCode(), 30);
                List<String> ipc = Arrays.stream(row.get("ipc_subclasses").split("\\|")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(s -> s + group + "/00").toList();
                if (ipc.isEmpty()) {
                    continue;
                }
                String title = row.get("title");
                titles.add(new Title(title, ipc, cache.computeIfAbsent(title + ipc,
                        key -> Segments.of(ipc, title, null, null))));
            }
        }
        return titles;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
