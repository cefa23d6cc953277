package org.ipop.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ipop.library.MatchablePatent;
import org.ipop.library.MatchablePatent.Segment;
import org.ipop.matching.engine.EnterpriseQuery.BranchLink;
import org.ipop.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** The engine ranks by segment, IPC and text, honours exclusions, and explains every match. */
class MatchingEngineTest {

    private static final Segment SEI_NEW_ENERGY = new Segment("SEI_2021", "SEI_2021:6.4", "6.4",
            "生物质能及其他新能源产业", true);
    private static final Segment SEI_SMART_MANUFACTURING = new Segment("SEI_2021", "SEI_2021:2.1", "2.1",
            "智能制造装备产业", false);

    private static MatchablePatent patent(String id, String title, List<Segment> segments, List<String> ipc,
            String tier) {
        return new MatchablePatent("hubei", id, title, null, null, "武汉理工大学", segments, ipc, "420000", tier, 50,
                false);
    }

    private static final List<MatchablePatent> PATENTS = List.of(
            patent("CN1", "一种车载高压储氢瓶及其制备方法", List.of(SEI_NEW_ENERGY), List.of("F17C1/00"), "B"),
            patent("CN2", "一种质子交换膜燃料电池电堆", List.of(SEI_NEW_ENERGY), List.of("H01M8/02"), "A"),
            patent("CN3", "一种工业机器人关节减速器", List.of(SEI_SMART_MANUFACTURING), List.of("B25J9/10"), "A"),
            patent("CN4", "一种车载储氢瓶阀门组件", List.of(), List.of("F16K1/00"), "C"),
            patent("CN5", "一种农作物秸秆粉碎装置", List.of(), List.of("A01F29/00"), "C"));

    private final MatchingEngine engine = new MatchingEngine(PatentCorpus.of(PATENTS));

    private static EnterpriseQuery hydrogenEnterprise(Set<String> excluded) {
        return new EnterpriseQuery("91420100MA4K000000", "武汉氢能科技", Map.of("6.4", BranchLink.registeredByEnterprise()),
                Set.of("H01M"), Terms.of("车载储氢瓶 燃料电池电堆 储氢"), "420000", true, excluded);
    }

    @Test
    void the_registered_segment_and_shared_words_rank_first_and_are_explained() {
        List<Match> matches = engine.topPatents(hydrogenEnterprise(Set.of()), 3);
        assertEquals(List.of("CN2", "CN1", "CN4"), matches.stream().map(Match::patentId).toList());
        Match first = matches.getFirst();
        assertTrue(first.segments().stream().anyMatch(s -> s.contains("6.4") && s.contains("企业登记的细分领域")),
                first.segments().toString());
        assertTrue(first.segments().stream().anyMatch(s -> s.contains("H01M")), "the shared IPC subclass is named");
        assertTrue(first.sharedTerms().contains("燃料电池电堆"), first.sharedTerms().toString());
        assertTrue(first.priors().stream().anyMatch(p -> p.startsWith("同省")));
        // CN4 has no segment, but its text shares 车载储氢瓶: found by text, explained by its terms.
        Match byText = matches.get(2);
        assertTrue(byText.segments().isEmpty());
        assertTrue(byText.sharedTerms().contains("车载储氢瓶"), byText.sharedTerms().toString());
        assertTrue(matches.stream().noneMatch(m -> m.patentId().equals("CN3") || m.patentId().equals("CN5")),
                "nothing links the robot or the straw shredder to a hydrogen enterprise");
    }

    @Test
    void the_quick_score_of_a_run_agrees_with_the_explained_score_for_every_pair() {
        List<EnterpriseQuery> enterprises = List.of(hydrogenEnterprise(Set.of()),
                hydrogenEnterprise(Set.of()).withFeedback(Map.of("6.4", -2, "2.1", 1)),
                new EnterpriseQuery("R", "机器人", Map.of("2.1", BranchLink.inferred("由行业分类 3491 工业机器人制造 推断")), Set.of(),
                        Terms.of("工业机器人 减速器"), "110000", true, Set.of()),
                EnterpriseQuery.ofText("T", "秸秆 粉碎 储氢", Set.of()));
        int compared = 0;
        for (EnterpriseQuery enterprise : enterprises) {
            double[] text = new double[PATENTS.size()];
            for (int i = 0; i < PATENTS.size(); i++) {
                Map<String, Integer> terms = Terms.of(PATENTS.get(i).title());
                for (int j = 0; j < 3; j++) {
                    double bm25 = j * 2.5 + terms.size() * 0.1;
                    Match explained = engine.score(enterprise, i, bm25);
                    double quick = engine.quickScore(enterprise, i, bm25, MatchingEngine.Fields.NONE);
                    if (explained == null) {
                        assertTrue(Double.isNaN(quick), enterprise.id() + " " + i);
                    } else {
                        assertEquals(explained.score(), quick, 1e-4, enterprise.id() + " " + i);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 20, "pairs compared: " + compared);
    }

    /**
     * The bounds that let a run skip candidates are true bounds: on a corpus whose lists are shorter than
     * {@link MatchingEngine#LIST_CANDIDATES}, candidate generation finds exactly what scoring every patent finds.
     */
    @Test
    void skipping_candidates_by_their_bound_loses_none_of_the_best() {
        java.util.Random random = new java.util.Random(7);
        String[] words = {"储氢", "燃料电池", "电堆", "减速器", "机器人", "秸秆", "粉碎", "阀门", "光伏", "逆变器", "电池",
            "隔膜", "传感器", "齿轮"};
        Segment[] segments = {SEI_NEW_ENERGY, SEI_SMART_MANUFACTURING, new Segment("SEI_2021", "SEI_2021:6.4",
                "6.4", "生物质能及其他新能源产业", false), new Segment("SEI_2021", "SEI_2021:2.1", "2.1", "智能制造装备产业",
                true)};
        String[] ipc = {"H01M8/02", "F17C1/00", "B25J9/10", "A01F29/00", "H02S40/32", "F16K1/00"};
        String[] tiers = {"A", "B", "C", "D", null};
        String[] regions = {"420100", "110000", "320500"};
        List<MatchablePatent> patents = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String title = "一种" + words[random.nextInt(words.length)] + words[random.nextInt(words.length)] + "装置";
            patents.add(new MatchablePatent("t", "P" + i, title, words[random.nextInt(words.length)], null, null,
                    random.nextInt(3) == 0 ? List.of() : List.of(segments[random.nextInt(segments.length)]),
                    List.of(ipc[random.nextInt(ipc.length)]), regions[random.nextInt(regions.length)],
                    tiers[random.nextInt(tiers.length)], random.nextInt(100), false));
        }
        MatchingEngine large = new MatchingEngine(PatentCorpus.of(patents));
        int compared = 0;
        for (int e = 0; e < 40; e++) {
            EnterpriseQuery enterprise = new EnterpriseQuery("E" + e, "企业" + e,
                    Map.of(random.nextBoolean() ? "6.4" : "2.1", random.nextBoolean()
                            ? BranchLink.registeredByEnterprise() : BranchLink.inferred("由行业分类推断")),
                    e % 3 == 0 ? Set.of(ipc[random.nextInt(ipc.length)].substring(0, 4)) : Set.of(),
                    Terms.of(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]),
                    regions[random.nextInt(regions.length)].substring(0, 2) + "0000", false, Set.of("P" + e),
                    e % 4 == 0 ? Map.of("6.4", 2, "2.1", -1) : Map.of());
            List<String> generated = large.topPatents(enterprise, 10).stream().map(Match::patentId).toList();
            List<String> exhaustive = large.exhaustiveTopPatents(enterprise, 10).stream().map(Match::patentId)
                    .toList();
            assertEquals(exhaustive, generated, enterprise.toString());
            assertEquals(10, generated.size());
            compared++;
        }
        assertEquals(40, compared);
    }

    @Test
    void one_shared_common_pair_is_no_reason_to_offer_a_patent_but_a_shared_technical_term_is() {
        List<MatchablePatent> patents = new java.util.ArrayList<>(List.of(
                patent("GEN", "一种轴承生产用输送装置", List.of(), List.of("B65G15/00"), "A"),
                patent("PUMP", "一种液氢泵叶轮", List.of(), List.of("F04D29/22"), "C")));
        String stems = "甲乙丙丁戊己庚辛壬癸";
        for (int i = 0; i < 48; i++) { // a library large enough for 生产 to be a rare pair
            patents.add(patent("F" + i, "一种" + stems.charAt(i % 10) + stems.charAt(i / 10) + "型阀门", List.of(),
                    List.of("F16K1/00"), "C"));
        }
        MatchingEngine library = new MatchingEngine(PatentCorpus.of(patents));
        EnterpriseQuery robots = new EnterpriseQuery("R", "机器人", Map.of("2.1", BranchLink.registeredByEnterprise()), Set.of(),
                Terms.of("生产 液氢泵叶轮"), "420000", false, Set.of());
        List<String> offered = library.topPatents(robots, 10).stream().map(Match::patentId).toList();
        assertEquals(List.of("PUMP"), offered, "nothing structural links them; only the pump shares a real term");
    }

    @Test
    void a_rejected_patent_is_never_offered_again() {
        List<Match> matches = engine.topPatents(hydrogenEnterprise(Set.of("CN2")), 5);
        assertFalse(matches.stream().anyMatch(m -> m.patentId().equals("CN2")));
        assertEquals("CN1", matches.getFirst().patentId());
    }

    @Test
    void answers_about_a_segment_move_its_other_patents() {
        EnterpriseQuery plain = hydrogenEnterprise(Set.of("CN2"));
        double before = engine.topPatents(plain, 1).getFirst().score();
        Match after = engine.topPatents(plain.withFeedback(Map.of("6.4", -2)), 1).getFirst();
        assertEquals("CN1", after.patentId());
        assertEquals(before - 0.10, after.score(), 1e-4);
        assertTrue(after.priors().stream().anyMatch(p -> p.contains("不相关 2") && p.contains("-0.10")),
                after.priors().toString());
    }

    @Test
    void a_patent_finds_the_enterprises_it_suits() {
        EnterpriseQuery robots = new EnterpriseQuery("91420100MA4K000001", "武汉机器人", Map.of("2.1",
                BranchLink.inferred("由行业分类 3491 工业机器人制造 推断")), Set.of(), Terms.of("工业机器人 减速器"), "420000", false, Set.of());
        EnterpriseQuery farm = EnterpriseQuery.ofText("91420100MA4K000002", "秸秆 还田 农机", Set.of());
        List<Match> forRobotPatent = engine.topEnterprises(2,
                EnterpriseIndex.of(List.of(hydrogenEnterprise(Set.of()), robots, farm)), 5);
        assertEquals(List.of("91420100MA4K000001"), forRobotPatent.stream().map(Match::enterpriseId).toList());
        assertTrue(forRobotPatent.getFirst().segments().getFirst().contains("推断"));
        assertTrue(forRobotPatent.getFirst().segments().getFirst().contains("仅凭分类号"));
    }

    /** Patents and enterprises drawn at random from a small vocabulary (branches, subclasses, provinces, answers). */
    private record World(List<MatchablePatent> patents, List<EnterpriseQuery> enterprises) {
    }

    private static World randomWorld(long seed, int patentCount, int enterpriseCount) {
        Random random = new Random(seed);
        String[] words = {"储氢瓶", "燃料电池", "电堆", "减速器", "工业机器人", "秸秆", "粉碎", "锂电池", "隔膜", "正极材料",
            "传感器", "控制系统", "阀门", "涂布", "光伏组件", "逆变器", "冷却", "轴承", "齿轮", "数据处理"};
        Segment[] segments = {SEI_NEW_ENERGY, SEI_SMART_MANUFACTURING,
            new Segment("SEI_2021", "SEI_2021:1.2", "1.2", "电子核心产业", false),
            new Segment("SEI_2021", "SEI_2021:1.2", "1.2", "电子核心产业", true)};
        String[] subclasses = {"H01M", "F17C", "B25J", "A01F", "F16K", "H02J"};
        String[] provinces = {"420000", "110000", "440000"};
        List<MatchablePatent> patents = new ArrayList<>();
        for (int i = 0; i < patentCount; i++) {
            List<Segment> tags = random.nextInt(3) == 0 ? List.of()
                    : List.of(segments[random.nextInt(segments.length)]);
            patents.add(new MatchablePatent("hubei", "P" + i, "一种" + words[random.nextInt(words.length)]
                    + words[random.nextInt(words.length)], words[random.nextInt(words.length)] + "的制备方法", null,
                    "武汉理工大学", tags, List.of(subclasses[random.nextInt(subclasses.length)] + "1/00"),
                    provinces[random.nextInt(provinces.length)], "ABCD".substring(random.nextInt(4)).substring(0, 1),
                    random.nextInt(90), false));
        }
        List<EnterpriseQuery> enterprises = new ArrayList<>();
        for (int e = 0; e < enterpriseCount; e++) {
            Map<String, BranchLink> linked = new HashMap<>();
            if (random.nextBoolean()) {
                linked.put(segments[random.nextInt(segments.length)].code(),
                        random.nextBoolean() ? BranchLink.registeredByEnterprise()
                                : BranchLink.inferred("由行业分类 3491 工业机器人制造 推断"));
            }
            Set<String> own = random.nextInt(4) == 0 ? Set.of(subclasses[random.nextInt(subclasses.length)])
                    : Set.of();
            Set<String> excluded = random.nextInt(5) == 0 ? Set.of("P" + random.nextInt(patentCount)) : Set.of();
            Map<String, Integer> answers = random.nextInt(5) == 0
                    ? Map.of(segments[random.nextInt(segments.length)].code(), random.nextInt(7) - 3) : Map.of();
            enterprises.add(new EnterpriseQuery("E" + e, "企业" + e, linked, own,
                    Terms.of(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]),
                    provinces[random.nextInt(provinces.length)], random.nextInt(10) == 0, excluded, answers));
        }
        return new World(patents, enterprises);
    }

    @Test
    void the_enterprise_index_finds_the_same_enterprises_as_scoring_every_one() {
        World world = randomWorld(7, 60, 400);
        List<MatchablePatent> patents = world.patents();
        List<EnterpriseQuery> enterprises = world.enterprises();
        MatchingEngine engine = new MatchingEngine(PatentCorpus.of(patents));
        EnterpriseIndex index = EnterpriseIndex.of(enterprises);
        int matched = 0;
        for (int p = 0; p < patents.size(); p++) {
            List<Match> indexed = engine.topEnterprises(p, index, 15);
            List<Match> exhaustive = engine.exhaustiveTopEnterprises(p, enterprises, 15);
            assertEquals(exhaustive.size(), indexed.size(), "P" + p);
            for (int rank = 0; rank < indexed.size(); rank++) {
                assertEquals(exhaustive.get(rank).score(), indexed.get(rank).score(), 1e-9, "P" + p + " #" + rank);
                double score = indexed.get(rank).score();
                boolean tied = indexed.stream().filter(m -> Math.abs(m.score() - score) < 1e-9).count() > 1;
                if (!tied) { // among equal scores the two may differ in the last bit, and so in order
                    assertEquals(exhaustive.get(rank), indexed.get(rank), "P" + p + " #" + rank);
                }
            }
            assertTrue(indexed.stream().noneMatch(m -> enterprises.get(Integer.parseInt(m.enterpriseId()
                    .substring(1))).excluded().contains(m.patentId())), "an excluded patent is not offered");
            matched += indexed.size();
        }
        assertTrue(matched > 300, "most patents suit someone: " + matched);
    }

    @Test
    void a_corpus_plus_new_patents_matches_as_the_corpus_built_from_all_of_them() {
        World world = randomWorld(5, 240, 300);
        List<MatchablePatent> patents = world.patents();
        PatentCorpus whole = PatentCorpus.of(patents);
        // Built in three steps, the way incremental matching grows a tenant's corpus.
        PatentCorpus grown = PatentCorpus.of(patents.subList(0, 200)).plus(patents.subList(200, 201))
                .plus(patents.subList(201, 240));
        assertEquals(whole.size(), grown.size());
        for (int p = 0; p < patents.size(); p++) {
            assertEquals(p, grown.indexOf("P" + p));
            assertEquals(whole.length(p), grown.length(p));
            assertEquals(whole.priorOf(p), grown.priorOf(p));
            assertEquals(whole.packedBranchesOf(p), grown.packedBranchesOf(p));
            assertEquals(boxed(whole.subclassNumbersOf(p)), boxed(grown.subclassNumbersOf(p)));
        }
        assertEquals(whole.averageLength(), grown.averageLength(), 1e-12);
        java.util.Set<String> terms = new java.util.TreeSet<>();
        for (int p : new int[] {0, 150, 210, 239}) {
            terms.addAll(whole.termsOf(p).keySet());
        }
        assertTrue(terms.size() > 5, "terms " + terms);
        for (String term : terms) {
            assertEquals(boxed(whole.postings(term).patents()), boxed(grown.postings(term).patents()), term);
            assertEquals(whole.idf(term), grown.idf(term), 1e-12, term);
        }
        for (String branch : List.of("6.4", "2.1", "1.2")) {
            for (String province : java.util.Arrays.asList(null, "420000", "110000")) {
                assertEquals(boxed(whole.withSegment(branch, province).patents()),
                        boxed(grown.withSegment(branch, province).patents()), branch + " in " + province);
            }
        }
        for (String subclass : List.of("H01M", "F17C", "B25J")) {
            assertEquals(boxed(whole.withSubclass(subclass, "420000").patents()),
                    boxed(grown.withSubclass(subclass, "420000").patents()), subclass);
        }
        MatchingEngine fromWhole = new MatchingEngine(whole);
        MatchingEngine fromGrown = new MatchingEngine(grown);
        for (EnterpriseQuery enterprise : world.enterprises()) {
            assertEquals(fromWhole.topPatents(enterprise, 10), fromGrown.topPatents(enterprise, 10), enterprise.id());
        }
        EnterpriseIndex index = EnterpriseIndex.of(world.enterprises());
        for (int p = 200; p < patents.size(); p++) {
            assertEquals(fromWhole.topEnterprises(p, index, 10), fromGrown.topEnterprises(p, index, 10), "P" + p);
        }
        assertTrue(fromGrown.topEnterprises(200, index, 10).size() > 0, "the added patent suits someone");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> grown.plus(patents.subList(3, 4)), "a patent already in the corpus is refused");
        assertEquals(200, PatentCorpus.of(patents.subList(0, 200)).size(), "the base corpus is left as it was");
    }

    @Test
    void several_workers_sharing_one_engine_find_what_one_finds() throws Exception {
        World world = randomWorld(11, 300, 600);
        Map<String, List<Match>> alone = new HashMap<>();
        MatchingEngine one = new MatchingEngine(PatentCorpus.of(world.patents()));
        for (EnterpriseQuery enterprise : world.enterprises()) {
            alone.put(enterprise.id(), one.topPatents(enterprise, 10));
        }
        // A fresh corpus, so the workers also race to build its subclass profiles on the first text-only need.
        MatchingEngine shared = new MatchingEngine(PatentCorpus.of(world.patents()));
        Map<String, List<Match>> together = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int first = w;
                running.add(workers.submit(() -> {
                    start.await();
                    for (int e = first; e < world.enterprises().size(); e += 4) {
                        EnterpriseQuery enterprise = world.enterprises().get(e);
                        together.put(enterprise.id(), shared.topPatents(enterprise, 10));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> worker : running) {
                worker.get();
            }
        }
        assertEquals(alone, together);
        assertTrue(world.enterprises().stream().anyMatch(e -> e.segments().isEmpty() && e.ipcSubclasses().isEmpty()
                && !alone.get(e.id()).isEmpty()), "text-only needs were matched too");
        assertTrue(alone.values().stream().mapToInt(List::size).sum() > 3000, "most enterprises got matches");
    }

    @Test
    void covering_places_a_patent_of_another_probable_field_once_the_first_is_shown() {
        // Pool: four patents of field 0 scoring 0.6, one of field 1 scoring 0.3, one of field 2 scoring 0.5.
        double[] scores = {0.6, 0.6, 0.6, 0.6, 0.3, 0.5};
        int[][] fieldsOf = {{0}, {0}, {0}, {0}, {1}, {2}};
        // By the words: field 0 probably (0.5), field 1 quite possibly (0.4), field 2 hardly (0.01).
        MatchingEngine.Fields uncertain = fields(0.5, 0.4, 0.01);
        assertEquals(List.of(0, 4, 1, 2), boxed(MatchingEngine.placeCovering(scores, fieldsOf, uncertain, 4)),
                "first the best of the likeliest field, then the other probable field before more of the first,"
                        + " never the unlikely field 2 despite its higher score");
        // Sure of field 0 (counted as 0.95 at most): the other field is worth too little to jump ahead.
        MatchingEngine.Fields sure = fields(0.99, 0.04, 0.01);
        assertEquals(List.of(0, 1, 2, 3), boxed(MatchingEngine.placeCovering(scores, fieldsOf, sure, 4)));
        // A place is never taken for a field already shown: with field 1 placed, the order is by score again.
        assertEquals(List.of(0, 4, 1, 2, 3, 5), boxed(MatchingEngine.placeCovering(scores, fieldsOf, uncertain, 10)),
                "all six placed, each once");
    }

    private static MatchingEngine.Fields fields(double... covering) {
        return new MatchingEngine.Fields(Map.of("F0", covering[0]), covering.clone(), covering.clone(), List.of(), 1);
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Test
    void words_alone_are_read_through_the_classification_of_the_patents_they_find() {
        List<MatchablePatent> patents = List.of(
                patent("B1", "一种锂电池正极材料", List.of(), List.of("H01M4/36"), "C"),
                patent("B2", "一种锂电池电极片涂布方法", List.of(), List.of("H01M4/04"), "C"),
                patent("B3", "一种锂电池隔膜", List.of(), List.of("H01M50/40"), "C"),
                patent("S1", "一种锂电池供电的太阳能路灯", List.of(), List.of("F21S9/03"), "C"));
        MatchingEngine words = new MatchingEngine(PatentCorpus.of(patents));
        List<Match> matches = words.topPatents(EnterpriseQuery.ofText("E", "锂电池 电极", Set.of()), 4);
        assertEquals(List.of("B2", "B3", "B1", "S1"), matches.stream().map(Match::patentId).toList(),
                "the street lamp shares only the word 锂电池, not the batteries' subclass: it comes last");
        assertTrue(matches.getFirst().segments().stream().anyMatch(s -> s.contains("H01M")
                && s.contains("与企业描述最相近的专利中")), matches.getFirst().segments().toString());
        assertTrue(matches.getFirst().score() > matches.getLast().score() + 0.2, matches.toString());
        assertTrue(words.topPatentsByPlainText(EnterpriseQuery.ofText("E", "锂电池 电极", Set.of()), 4).stream()
                .anyMatch(match -> match.patentId().equals("S1")), "plain BM25 offers the lamp");
    }

    @Test
    void the_words_of_each_field_name_the_need_s_field_without_the_excluded_patents() {
        PatentCorpus corpus = PatentCorpus.of(List.of(
                patent("B1", "一种锂电池正极材料", List.of(), List.of("H01M4/36"), "C"),
                patent("B2", "一种锂电池电极片涂布方法", List.of(), List.of("H01M4/04"), "C"),
                patent("L1", "一种太阳能路灯灯杆", List.of(), List.of("F21S9/03"), "C"),
                patent("L2", "一种太阳能路灯控制器", List.of(), List.of("F21S9/02"), "C")));
        double[] fields = corpus.fieldProfiles().probabilities(Terms.of("锂电池 电极"), Set.of());
        assertTrue(fields[corpus.subclassNumber("H01M")] > 0.9, java.util.Arrays.toString(fields));
        double[] withoutBatteries = corpus.fieldProfiles().probabilities(Terms.of("锂电池 电极"), Set.of(0, 1));
        assertEquals(0, withoutBatteries[corpus.subclassNumber("H01M")], 1e-9,
                "excluded patents are left out of the field's words, and a field without patents is none");
        assertEquals(null, corpus.fieldProfiles().probabilities(Terms.of("齿轮"), Set.of()), "no known word");
    }

    @Test
    void industry_classes_bridge_to_branches_through_the_concordance_keywords() {
        IndustryBridge bridge = IndustryBridge.standard();
        List<String> battery = bridge.branchesOf("3841"); // 锂离子电池制造
        assertFalse(battery.isEmpty());
        assertTrue(battery.stream().allMatch(code -> ReferenceData.get().industryBranch(code).orElseThrow()
                .keywords().stream().anyMatch(k -> k.contains("锂离子电池"))
                || ReferenceData.get().industryBranch(code).orElseThrow().name().contains("锂离子电池")), battery
                .toString());
        assertEquals(battery.stream().sorted().toList(), bridge.branchesOf("384").stream()
                .filter(battery::contains).sorted().toList(), "a group bridges to what its classes bridge to");
        assertTrue(bridge.bridgedClasses() > 100, "bridged classes: " + bridge.bridgedClasses());
        assertEquals(List.of(), bridge.branchesOf("0111"), "稻谷种植 is no emerging industry");
    }

    @Test
    void shared_phrases_join_adjacent_bigrams() {
        assertEquals(List.of("燃料电池电堆"), MatchingEngine.sharedPhrases("一种质子交换膜燃料电池电堆",
                Terms.of("燃料电池电堆")));
    }
}
