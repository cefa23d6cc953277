package org.ipop.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.ipop.library.search.PatentQuery.Sort;

/**
 * Measures {@link PatentIndex} at the size of a large tenant: indexing rate and size, then search latency under
 * concurrent clients, through the API and through Lucene alone. Not a unit test. From the project root:
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -pl modules/library \
 *     -Dmdep.outputFile=target/search-cp.txt -Dmdep.includeScope=test
 * cd modules/library
 * java -Xmx2g --enable-native-access=ALL-UNNAMED \
 *     -cp target/classes:target/test-classes:$(cat target/search-cp.txt) org.ipop.library.search.SearchBenchmark \
 *     /tmp/patent-index [patents=1000000] [seconds=30] [clients=20] [indexThreads=1] [reuse]
 * </pre>
 *
 * <p>With {@code reuse}, an index left by an earlier run with the same number of patents is searched again without
 * rebuilding (it carries the count in its commit data, as the application's index carries its markers).
 *
 * <p>The synthetic patents are deterministic (seed 20240601) and made of the real titles of {@code /org/ipop/library/demo/titles.csv}:
 * a title joins the smartcn words of the head of one real title and the tail of another; abstract and first claim
 * string together runs of words of further real titles, four in five from titles of the same IPC subclass (real
 * abstracts keep to their subject), about 800 characters per patent in all. IPC subclasses come from the title's
 * row; institutions (50), Hubei-heavy region codes, dates, value scores and the other codes are random.
 *
 * <p>The queries use the same vocabulary: one word (frequency-weighted, excluding the most generic words), two words
 * of one title, a generic word, a word with a filter, filters alone (browsing), and a word with a date range sorted
 * by date; all count every facet, 20 per page, some on pages 2–5. Clients run closed-loop without think time, the
 * harshest load a given number of clients can make. The run measures the API with its caches, Lucene alone
 * ({@code IndexSearcher.search} of the same query and sort for the page, no facets), both again with one client,
 * the API without its caches (recent results, facet counts), and without caches and search slots (every search at
 * once, time-sliced).
 *
 * <p>Besides wall-clock latency it reports the process's CPU time per query (searches, garbage collection, the JIT
 * compiler) and the JIT compiler's time during the phase: on a machine shared with other work, latency measures the
 * machine, CPU time measures the search. The CPU time of each query's client thread is reported too; it is the
 * search's own when the search ran on that thread (Lucene alone; the API when a slot was free, as at one client),
 * only the hand-over when a search slot's worker ran it.
 */
public final class SearchBenchmark {

    private static final long SEED = 20240601L;
    /**
     * Long enough for the JIT compiler to settle: with 5 s its C2 threads still took about a quarter of the cores
     * through the first third of the measured phase (per-thread CPU sampled from /proc).
     */
    private static final int WARM_UP_SECONDS = 20;
    private static final int SINGLE_CLIENT_SECONDS = 10;
    private static final int QUERY_COUNT = 20_000;
    /** Words in more than this share of titles are "generic" (一种, 装置, 方法, 系统 ...). */
    private static final double GENERIC_SHARE = 0.02;

    private static final List<String> INSTITUTIONS = institutions();
    private static final List<String> OTHER_REGIONS =
            List.of("110108", "310104", "440305", "320102", "330106", "510107", "610113");
    private static final int[] HUBEI_PREFECTURES = {1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 28};
    private static final List<String> SEGMENTS = Stream.iterate(1, i -> i + 1).limit(9)
            .flatMap(major -> Stream.of("SEI:" + major + ".1", "SEI:" + major + ".2")).toList();
    private static final LocalDate FIRST_FILING = LocalDate.of(2005, 1, 1);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<TitleCorpus.Title> corpus;
    /** smartcn words of each corpus title, same order. */
    private final List<List<String>> titleWords;
    /** Each title's words joined, and where each word starts (plus the end), to copy runs of words cheaply. */
    private final String[] joinedWords;
    private final int[][] wordStarts;
    /** Every word occurrence of at least two characters that is not generic: sampling it is frequency-weighted. */
    private final List<String> queryWords;
    private final List<String> genericWords;
    /** Corpus rows per IPC subclass, so that an abstract is written in the vocabulary of its title's field. */
    private final Map<String, int[]> titlesBySubclass;

    private SearchBenchmark() {
        corpus = TitleCorpus.load();
        titleWords = new ArrayList<>();
        Map<String, Integer> titlesPerWord = new HashMap<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer()) {
            for (TitleCorpus.Title title : corpus) {
                List<String> words = TitleCorpus.words(analyzer, title.title());
                titleWords.add(words);
                words.stream().distinct().forEach(word -> titlesPerWord.merge(word, 1, Integer::sum));
            }
        }
        joinedWords = new String[corpus.size()];
        wordStarts = new int[corpus.size()][];
        for (int row = 0; row < corpus.size(); row++) {
            List<String> words = titleWords.get(row);
            joinedWords[row] = String.join("", words);
            wordStarts[row] = new int[words.size() + 1];
            for (int w = 0; w < words.size(); w++) {
                wordStarts[row][w + 1] = wordStarts[row][w] + words.get(w).length();
            }
        }
        Map<String, List<Integer>> bySubclass = new HashMap<>();
        for (int row = 0; row < corpus.size(); row++) {
            for (String subclass : corpus.get(row).ipcSubclasses()) {
                bySubclass.computeIfAbsent(subclass, key -> new ArrayList<>()).add(row);
            }
        }
        titlesBySubclass = new HashMap<>();
        bySubclass.forEach((subclass, rows) ->
                titlesBySubclass.put(subclass, rows.stream().mapToInt(Integer::intValue).toArray()));
        int genericLimit = (int) (corpus.size() * GENERIC_SHARE);
        queryWords = titleWords.stream().flatMap(List::stream)
                .filter(word -> word.length() >= 2 && titlesPerWord.get(word) <= genericLimit).toList();
        genericWords = titlesPerWord.entrySet().stream()
                .filter(entry -> entry.getKey().length() >= 2 && entry.getValue() > genericLimit)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/search-benchmark");
        int patents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int indexThreads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean reuse = args.length > 5 && args[5].equals("reuse");

        SearchBenchmark benchmark = new SearchBenchmark();
        System.out.printf(Locale.ROOT, "corpus: %,d titles, %,d query words, generic words: %s%n",
                benchmark.corpus.size(), benchmark.queryWords.size(), benchmark.genericWords);
        System.out.printf(Locale.ROOT, "JVM: %s, %d processors, max heap %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        benchmark.measureGeneration(Math.min(patents, 100_000));

        if (!reuse) {
            deleteRecursively(directory);
        }
        // Each phase with caches its own queries (same mix, another seed): a phase that replayed the queries of the
        // one before would find them in the result cache, which real users' queries would not all be.
        List<MixQuery> queries = benchmark.queries(new Random(SEED + 1));
        List<MixQuery> warmUpQueries = benchmark.queries(new Random(SEED + 2));
        List<MixQuery> singleClientQueries = benchmark.queries(new Random(SEED + 3));
        try (PatentIndex index = PatentIndex.open(directory)) {
            // The commit data tells whether the index holds what this run wants, as it tells the application.
            if (!Integer.toString(patents).equals(index.commitData().get("source-count"))) {
                index.deleteAll();
                benchmark.index(index, directory, patents, indexThreads);
            } else {
                System.out.printf(Locale.ROOT, "%nreusing the index of %,d patents in %s: %,.1f MB in the last "
                        + "commit%n", patents, directory, committedSize(directory) / 1e6);
            }
            describe(index, warmUpQueries); // not the measured queries: they would be in the result cache

            run("warm-up (not reported)", clients, WARM_UP_SECONDS, warmUpQueries, index::search);
            double api = run("API PatentIndex.search", clients, seconds, queries, index::search);
            System.out.printf(Locale.ROOT, "  answered from recent results: %.0f%%; facet counts from the cache: %.0f%%"
                    + "%n", index.resultCacheHitRatio() * 100, index.facetCacheHitRatio() * 100);
            double raw = run("Lucene IndexSearcher.search alone", clients, seconds, queries, rawSearch(index));
            double apiSingle = run("API, 1 client", 1, SINGLE_CLIENT_SECONDS, singleClientQueries, index::search);
            double rawSingle = run("Lucene alone, 1 client", 1, SINGLE_CLIENT_SECONDS, singleClientQueries,
                    rawSearch(index));
            System.out.printf(Locale.ROOT, "%nAPI / Lucene-alone mean latency: %.1fx at %d clients, %.1fx at "
                    + "1 client%n", api / raw, clients, apiSingle / rawSingle);
        }
        try (PatentIndex index = PatentIndex.open(directory, false, SearchSlots.SHARED)) {
            run("warm-up without caches (not reported)", clients, WARM_UP_SECONDS, warmUpQueries, index::search);
            run("API without caches", clients, seconds, queries, index::search);
            run("API without caches, 1 client", 1, SINGLE_CLIENT_SECONDS, singleClientQueries, index::search);
        }
        // As many slots as clients: every search runs at once and the cores are time-sliced between them.
        try (PatentIndex index = PatentIndex.open(directory, false, new SearchSlots(clients))) {
            run("API without caches or search slots", clients, seconds, queries, index::search);
            System.gc();
            System.out.printf(Locale.ROOT, "%nheap after GC (index open, searcher warm): %,d MB%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        }
    }

    // ---- synthetic patents ----

    private void measureGeneration(int count) {
        long start = System.nanoTime();
        long chars = 0;
        Iterator<PatentSearchDocument> patents = patents(0, count, 1).iterator();
        while (patents.hasNext()) {
            PatentSearchDocument patent = patents.next();
            chars += patent.title().length() + patent.abstractText().length() + patent.firstClaim().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "generation alone: %,.0f patents/s, %.0f chars per patent "
                + "(title + abstract + claim)%n", count / seconds, (double) chars / count);
    }

    private void index(PatentIndex index, Path directory, int count, int threads)
            throws InterruptedException, IOException {
        System.out.printf(Locale.ROOT, "%nindexing %,d patents with %d thread(s) (generation included)...%n",
                count, threads);
        AtomicLong done = new AtomicLong();
        AtomicLong indexerCpu = new AtomicLong();
        double loadBefore = OS.getSystemLoadAverage();
        long processCpuBefore = OS.getProcessCpuTime();
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Iterable<PatentSearchDocument> share = patents(t, count, threads);
            writers.add(Thread.ofPlatform().name("indexer-" + t).start(() -> {
                for (PatentSearchDocument patent : share) {
                    index.upsert(patent);
                    long n = done.incrementAndGet();
                    if (n % 200_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d patents, %,.0f/s, load average %.1f%n", n,
                                n / ((System.nanoTime() - start) / 1e9), OS.getSystemLoadAverage());
                    }
                }
                indexerCpu.addAndGet(THREADS.getCurrentThreadCpuTime());
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        double added = (System.nanoTime() - start) / 1e9;
        index.commit(Map.of("built-at", Instant.now().toString(), "source-count", Integer.toString(count)));
        double committed = (System.nanoTime() - start) / 1e9;
        double processCpu = (OS.getProcessCpuTime() - processCpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "indexed %,d patents: %,.0f patents/s until the last upsert (%.1f s), "
                        + "%,.0f patents/s including the commit (%.1f s); load average %.1f → %.1f%n",
                count, count / added, added, count / committed, committed, loadBefore, OS.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  CPU: indexing threads %.1f s (%,.0f patents per CPU-second), whole process "
                        + "%.1f s with generation, flushes, merges, refreshes, GC (%,.0f patents per CPU-second); "
                        + "GC pauses %.1f s%n",
                indexerCpu.get() / 1e9, count / (indexerCpu.get() / 1e9), processCpu, count / processCpu,
                (gcMillis() - gcBefore) / 1e3);
        index.refresh();
        System.out.printf(Locale.ROOT, "index: %,.1f MB in the last commit (%,d segments), %,.1f MB in the directory "
                        + "(merges under way included); commit data %s%n", committedSize(directory) / 1e6,
                index.withSearcher(s -> s.getIndexReader().leaves().size()), sizeOnDisk(directory) / 1e6,
                index.commitData());
    }

    /** Patents number {@code first}, {@code first + step}, ... below {@code count}; each depends only on its number. */
    private Iterable<PatentSearchDocument> patents(int first, int count, int step) {
        return () -> new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public PatentSearchDocument next() {
                PatentSearchDocument patent = patent(next);
                next += step;
                return patent;
            }
        };
    }

    private PatentSearchDocument patent(int number) {
        SplittableRandom random = new SplittableRandom(SEED * 31 + number);
        int head = random.nextInt(corpus.size());
        int tail = random.nextInt(corpus.size());
        StringBuilder title = new StringBuilder();
        appendWords(title, head, 0, 1 + random.nextInt(wordStarts[head].length - 1));
        appendWords(title, tail, random.nextInt(wordStarts[tail].length - 1), wordStarts[tail].length - 1);

        List<String> ipcSubclasses = corpus.get(head).ipcSubclasses();
        int[] sameField = ipcSubclasses.isEmpty() ? null : titlesBySubclass.get(ipcSubclasses.getFirst());
        StringBuilder abstractText = new StringBuilder("本发明公开了").append(title).append("，");
        appendWordRuns(abstractText, random, 560, sameField);
        StringBuilder claim = new StringBuilder("1.").append(title).append("，其特征在于，包括");
        appendWordRuns(claim, random, 200, sameField);

        List<String> ipcCodes = ipcSubclasses.stream()
                .map(subclass -> String.format(Locale.ROOT, "%s%d/%02d", subclass, 1 + random.nextInt(60),
                        random.nextInt(5) * 20))
                .toList();
        LocalDate filed = random.nextInt(50) == 0 ? null : FIRST_FILING.plusDays(random.nextInt(7_300));
        double value = random.nextInt(10) == 0 ? Double.NaN : Math.clamp(55 + random.nextGaussian() * 20, 0, 100);
        return new PatentSearchDocument(
                String.format(Locale.ROOT, "CN%012d.%d", 202_100_000_000L + number, number % 10),
                title.toString(), abstractText.toString(), claim.toString(),
                INSTITUTIONS.get(random.nextInt(INSTITUTIONS.size())),
                pick(random, "INVENTION", 55, "UTILITY_MODEL", 40, "DESIGN"),
                pick(random, "有效", 60, "审中", 25, "失效"),
                random.nextInt(3) == 0 ? List.of() : randomSegments(random),
                ipcSubclasses, ipcCodes,
                random.nextInt(4) == 0 ? null : "T" + (1 + random.nextInt(3)),
                pick(random, "INVENTORIED", 60, "ADMITTED", 30, "REJECTED"),
                region(random), filed, value, random.nextInt(10) < 7);
    }

    /**
     * Appends runs of 3–8 consecutive words of real titles, separated by punctuation, until {@code length} more
     * characters. Four runs in five come from titles of the patent's own IPC subclass ({@code sameField}), as real
     * abstracts keep to their subject; the others from any title.
     */
    private void appendWordRuns(StringBuilder text, SplittableRandom random, int length, int[] sameField) {
        int end = text.length() + length;
        while (text.length() < end) {
            int row = sameField != null && random.nextInt(5) > 0
                    ? sameField[random.nextInt(sameField.length)]
                    : random.nextInt(corpus.size());
            int words = wordStarts[row].length - 1;
            int from = random.nextInt(words);
            appendWords(text, row, from, Math.min(words, from + 3 + random.nextInt(6)));
            text.append(random.nextInt(4) == 0 ? '。' : '，');
        }
    }

    /** Appends words {@code from} (inclusive) to {@code to} (exclusive) of corpus title {@code row}. */
    private void appendWords(StringBuilder text, int row, int from, int to) {
        text.append(joinedWords[row], wordStarts[row][from], wordStarts[row][to]);
    }

    private static List<String> randomSegments(SplittableRandom random) {
        String first = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
        String second = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
        return random.nextBoolean() || first.equals(second) ? List.of(first) : List.of(first, second);
    }

    private static String region(SplittableRandom random) {
        if (random.nextInt(100) < 15) {
            return OTHER_REGIONS.get(random.nextInt(OTHER_REGIONS.size()));
        }
        int prefecture = HUBEI_PREFECTURES[random.nextInt(HUBEI_PREFECTURES.length)];
        return String.format(Locale.ROOT, "42%02d%02d", prefecture, 1 + random.nextInt(12));
    }

    /** {@code a} with {@code aPercent} %, {@code b} with {@code bPercent} %, else {@code c}. */
    private static String pick(SplittableRandom random, String a, int aPercent, String b, int bPercent, String c) {
        int roll = random.nextInt(100);
        return roll < aPercent ? a : roll < aPercent + bPercent ? b : c;
    }

    private static List<String> institutions() {
        List<String> names = new ArrayList<>();
        for (String place : List.of("武汉", "华中", "湖北", "长江", "三峡", "江汉", "黄冈", "襄阳", "荆州", "宜昌")) {
            for (String kind : List.of("大学", "理工大学", "科技大学", "师范大学", "工程研究院")) {
                names.add(place + kind);
            }
        }
        return List.copyOf(names);
    }

    // ---- queries ----

    /** The query mix, in percent of queries. */
    private enum Kind {
        ONE_WORD(35), TWO_WORDS(20), GENERIC_WORD(10), WORD_AND_FILTER(15), FILTERS_ONLY(10), WORD_DATE_SORTED(10);

        final int percent;

        Kind(int percent) {
            this.percent = percent;
        }
    }

    /** A query of the mix with its kind, for the latency per kind. */
    private record MixQuery(Kind kind, PatentQuery query) {
    }

    private List<MixQuery> queries(Random random) {
        List<MixQuery> queries = new ArrayList<>();
        for (int i = 0; i < QUERY_COUNT; i++) {
            queries.add(query(random));
        }
        return queries;
    }

    private MixQuery query(Random random) {
        int roll = random.nextInt(100);
        Kind kind = Kind.values()[0];
        for (Kind candidate : Kind.values()) {
            if (roll < candidate.percent) {
                kind = candidate;
                break;
            }
            roll -= candidate.percent;
        }
        int title = random.nextInt(corpus.size());
        PatentQuery.Builder query = PatentQuery.builder().allFacets()
                .page(random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 0, 20);
        switch (kind) {
            case ONE_WORD -> query.text(queryWord(random));
            case TWO_WORDS -> {
                List<String> words = titleWords.get(title).stream().filter(word -> word.length() >= 2).toList();
                query.text(words.size() < 2 ? queryWord(random)
                        : words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())));
            }
            case GENERIC_WORD -> query.text(genericWords.get(random.nextInt(Math.min(20, genericWords.size()))));
            case WORD_AND_FILTER -> {
                query.text(queryWord(random));
                switch (random.nextInt(4)) {
                    case 0 -> query.types("INVENTION");
                    case 1 -> query.ipcPrefixes(corpus.get(title).ipcSubclasses().getFirst());
                    case 2 -> query.regionCodes("420000");
                    default -> query.institutions(INSTITUTIONS.get(random.nextInt(INSTITUTIONS.size())));
                }
            }
            case FILTERS_ONLY -> query.institutions(INSTITUTIONS.get(random.nextInt(INSTITUTIONS.size())))
                    .statuses("ADMITTED").sort(random.nextBoolean() ? Sort.VALUE_DESC : Sort.FILING_DATE_DESC);
            case WORD_DATE_SORTED -> {
                LocalDate from = FIRST_FILING.plusDays(random.nextInt(5_000));
                query.text(queryWord(random)).filed(from, from.plusYears(3)).sort(Sort.FILING_DATE_DESC);
            }
        }
        return new MixQuery(kind, query.build());
    }

    private String queryWord(Random random) {
        return queryWords.get(random.nextInt(queryWords.size()));
    }

    /** The hits per query kind, to show how broad the mix is. */
    private static void describe(PatentIndex index, List<MixQuery> queries) {
        Map<Kind, long[]> hits = new EnumMap<>(Kind.class);
        for (MixQuery query : queries.subList(0, 2_000)) {
            long[] sums = hits.computeIfAbsent(query.kind(), kind -> new long[2]);
            sums[0]++;
            sums[1] += index.search(query.query()).totalHits();
        }
        System.out.printf(Locale.ROOT, "%nquery mix (%,d queries; first ones: %s)%n", queries.size(),
                queries.subList(0, 8).stream().map(query -> query.query().text()).toList());
        hits.forEach((kind, sums) -> System.out.printf(Locale.ROOT, "  %-17s %3d%%  mean hits %,10.0f%n",
                kind, kind.percent, (double) sums[1] / sums[0]));
    }

    // ---- load ----

    /** One search of a client; what it returns does not matter, only how long it takes. */
    @FunctionalInterface
    private interface Search {
        void run(PatentQuery query);
    }

    /** Lucene alone: the translated query and sort, top hits of the page only; no facets, no stored fields. */
    private static Search rawSearch(PatentIndex index) {
        return query -> {
            QueryTranslator.Translated translated = index.translate(query);
            int window = (query.page() + 1) * query.size();
            index.withSearcher(searcher -> topDocs(searcher, translated, window));
        };
    }

    private static TopDocs topDocs(IndexSearcher searcher, QueryTranslator.Translated translated, int window)
            throws IOException {
        return translated.sort() == null
                ? searcher.search(translated.query(), window)
                : searcher.search(translated.query(), window, translated.sort());
    }

    /** What one client measured: per query, the wall-clock latency and the CPU time of its thread (ns), the kind. */
    private static final class Samples {
        private long[] latency = new long[1 << 14];
        private long[] cpu = new long[1 << 14];
        private int[] kind = new int[1 << 14];
        private int size;

        void add(long latencyNanos, long cpuNanos, Kind queryKind) {
            if (size == latency.length) {
                latency = Arrays.copyOf(latency, size * 2);
                cpu = Arrays.copyOf(cpu, size * 2);
                kind = Arrays.copyOf(kind, size * 2);
            }
            latency[size] = latencyNanos;
            cpu[size] = cpuNanos;
            kind[size++] = queryKind.ordinal();
        }
    }

    /** Sorted nanoseconds, printed as milliseconds. */
    private record Distribution(long[] sorted) {
        static Distribution of(List<Samples> samples, boolean cpu, Kind kind) {
            LongStream.Builder values = LongStream.builder();
            for (Samples s : samples) {
                for (int i = 0; i < s.size; i++) {
                    if (kind == null || s.kind[i] == kind.ordinal()) {
                        values.add(cpu ? s.cpu[i] : s.latency[i]);
                    }
                }
            }
            return new Distribution(values.build().sorted().toArray());
        }

        double mean() {
            return Arrays.stream(sorted).average().orElse(0) / 1e6;
        }

        double percentile(double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))] / 1e6;
        }

        String summary() {
            return String.format(Locale.ROOT, "mean %6.2f  p50 %6.2f  p95 %6.2f  p99 %6.2f  max %7.2f",
                    mean(), percentile(50), percentile(95), percentile(99), percentile(100));
        }
    }

    /**
     * Runs the mix with {@code clients} closed-loop clients for {@code seconds}, and prints wall-clock latency and,
     * because other processes may share the machine, the process's CPU time per query and each query's CPU time on
     * its client thread (see the class comment). Returns the mean latency in ms.
     */
    private static double run(String name, int clients, int seconds, List<MixQuery> queries, Search search)
            throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Samples> samples = new ArrayList<>();
        CountDownLatch startSignal = new CountDownLatch(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Samples clientSamples = new Samples();
            samples.add(clientSamples);
            int first = c * (queries.size() / clients);
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                try {
                    startSignal.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int next = first;
                for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
                    MixQuery query = queries.get(next++ % queries.size());
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    search.run(query.query());
                    clientSamples.add(System.nanoTime() - now, THREADS.getCurrentThreadCpuTime() - cpu, query.kind());
                }
            }));
        }
        double loadBefore = OS.getSystemLoadAverage();
        long processCpuBefore = OS.getProcessCpuTime();
        long jitBefore = JIT.getTotalCompilationTime();
        long start = System.nanoTime();
        startSignal.countDown();
        long maxHeap = 0;
        while (System.nanoTime() < deadline) {
            maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long processCpu = OS.getProcessCpuTime() - processCpuBefore;
        long jitMillis = JIT.getTotalCompilationTime() - jitBefore;
        Distribution latency = Distribution.of(samples, false, null);
        Distribution cpu = Distribution.of(samples, true, null);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%n%s: %d clients, %.0f s, %,d queries, %,.0f queries/s; "
                        + "load average %.1f → %.1f; heap used peak %,d MB%n", name, clients, elapsed,
                latency.sorted().length, latency.sorted().length / elapsed, loadBefore, OS.getSystemLoadAverage(),
                maxHeap >> 20);
        System.out.printf(Locale.ROOT, "  latency ms      %s%n", latency.summary());
        double processCpuPerQuery = processCpu / 1e6 / Math.max(1, latency.sorted().length);
        System.out.printf(Locale.ROOT, "  process CPU     %.2f ms per query → %d idle cores serve about %,.0f queries/s;"
                + " JIT compiler %,d ms in the phase%n", processCpuPerQuery, cores, cores / processCpuPerQuery * 1000,
                jitMillis);
        System.out.printf(Locale.ROOT, "  client thread CPU ms/query  %s%n", cpu.summary());
        for (Kind kind : Kind.values()) {
            Distribution kindLatency = Distribution.of(samples, false, kind);
            Distribution kindCpu = Distribution.of(samples, true, kind);
            System.out.printf(Locale.ROOT,
                    "    %-17s latency p50 %7.2f p99 %7.2f | CPU mean %6.2f p50 %6.2f p99 %6.2f  (%,d)%n", kind, kindLatency.percentile(50), kindLatency.percentile(99), kindCpu.mean(),
                    kindCpu.percentile(50), kindCpu.percentile(99), kindLatency.sorted().length);
        }
        return latency.mean();
    }

    // ---- utilities ----

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The size of the files the last commit refers to: the index itself, without merges in progress. */
    private static long committedSize(Path directory) throws IOException {
        try (FSDirectory files = FSDirectory.open(directory)) {
            long size = 0;
            for (String file : SegmentInfos.readLatestCommit(files).files(true)) {
                size += files.fileLength(file);
            }
            return size;
        }
    }

    private static long sizeOnDisk(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
