package org.ipop.library.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.ipop.library.search.PatentQuery.Facet;
import org.ipop.library.search.PatentQuery.Sort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index over the 7,798 real titles of {@code /org/ipop/library/demo/titles.csv}. Attributes the file lacks (institution, type,
 * region, dates, ...) are derived from the row number, so every expectation is computed from {@link #PATENTS}
 * directly rather than written down.
 */
class PatentIndexTest {

    private static final List<String> INSTITUTIONS = List.of("武汉大学", "华中科技大学", "武汉理工大学", "湖北大学", "三峡大学");
    private static final List<String> REGIONS = List.of("420102", "420111", "420502", "110108", "440305");
    private static final LocalDate FIRST_FILING = LocalDate.of(2015, 1, 1);

    private static List<PatentSearchDocument> PATENTS;
    private static Map<String, PatentSearchDocument> BY_ID;
    private static PatentIndex INDEX;

    @BeforeAll
    static void indexTitles() {
        List<TitleCorpus.Title> titles = TitleCorpus.load();
        assertEquals(7_798, titles.size());
        List<PatentSearchDocument> patents = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            patents.add(patent(i, titles.get(i)));
        }
        PATENTS = List.copyOf(patents);
        BY_ID = PATENTS.stream().collect(Collectors.toMap(PatentSearchDocument::id, Function.identity()));
        INDEX = PatentIndex.inMemory();
        INDEX.upsertAll(PATENTS);
        INDEX.refresh();
    }

    @AfterAll
    static void close() {
        INDEX.close();
    }

    private static PatentSearchDocument patent(int i, TitleCorpus.Title title) {
        String number = title.publicationNumber();
        String type = number.endsWith("U") ? "UTILITY_MODEL" : "INVENTION";
        List<String> segments = switch (i % 4) {
            case 0 -> List.of("SEI:6.4", "SEI:3.1");
            case 1 -> List.of("SEI:6.4");
            default -> List.of();
        };
        return new PatentSearchDocument(number, title.title(), null, null,
                INSTITUTIONS.get(i % INSTITUTIONS.size()), type, i % 3 == 0 ? "有效" : "审中", segments,
                title.ipcSubclasses(), List.of(), i % 7 == 0 ? null : "T" + (i % 3 + 1),
                i % 2 == 0 ? "ADMITTED" : "INVENTORIED", REGIONS.get(i % REGIONS.size()),
                i % 97 == 0 ? null : FIRST_FILING.plusDays(i % 2_500), i % 50 == 0 ? Double.NaN : (i * 37) % 101,
                i % 10 != 0);
    }

    // ---- Chinese text ----

    @Test
    void birdRepellingFindsTheHydropowerTitleAmongAllItsTitles() {
        SearchResult result = INDEX.search(PatentQuery.of("驱鸟"));

        assertEquals(idsWhereTitle(t -> t.contains("驱鸟")), ids(result));
        assertEquals(5, result.totalHits());
        assertTrue(ids(result).contains("CN114081026A"));
        assertEquals("一种水电站高压输电线路驱鸟保护装置", hit(result, "CN114081026A").title());
    }

    @Test
    void everyPartOfTheTextMustMatch() {
        SearchResult result = INDEX.search(PatentQuery.of("洗车 废水"));

        assertEquals(List.of("CN215667380U"), idList(result));
        // Chinese list punctuation separates parts too.
        assertEquals(List.of("CN215667380U"), idList(INDEX.search(PatentQuery.of("洗车、废水"))));
    }

    @Test
    void aPartTypedTwiceIsSearchedOnce() {
        SearchResult once = INDEX.search(PatentQuery.of("驱鸟"));
        SearchResult twice = INDEX.search(PatentQuery.of("驱鸟 驱鸟"));

        assertEquals(idList(once), idList(twice));
        // Searched twice, every score would be the sum of the part's score twice.
        assertEquals(once.hits().stream().map(SearchResult.Hit::score).toList(),
                twice.hits().stream().map(SearchResult.Hit::score).toList());
    }

    @Test
    void aChinesePartFindsTheTitlesContainingItWhateverTheSegmentation() {
        // smartcn words (输电·线路; 无人机 as one word), a word inside a longer word (电站 in 水电站 and 变电站).
        for (String text : List.of("输电线路", "无人机", "电站", "光伏电站", "锂离子电池")) {
            Set<String> expected = idsWhereTitle(t -> t.contains(text));
            assertFalse(expected.isEmpty(), text);
            SearchResult result = INDEX.search(PatentQuery.builder().text(text).page(0, 100).build());
            assertEquals(expected.size(), result.totalHits(), text);
            assertEquals(expected, ids(result), text);
        }
        assertTrue(ids(INDEX.search(PatentQuery.builder().text("电站").page(0, 100).build())).contains("CN114081026A"),
                "水电站, one smartcn word, is found through its bigrams");
    }

    @Test
    void aSingleCharacterMatchesTitleWords() {
        // 鸟 has no bigram; smartcn segments 驱鸟 into 驱 · 鸟, so the title's words find it.
        SearchResult result = INDEX.search(PatentQuery.builder().text("鸟").page(0, 100).build());

        assertTrue(ids(result).contains("CN114081026A"));
        result.hits().forEach(hit -> assertTrue(hit.title().contains("鸟"), hit.title()));
    }

    @Test
    void abstractAndClaimMatchTooButTitlesRankFirst() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withText("CN-abstract", "一种保护装置", "本发明涉及输电线路的驱鸟保护", null));
            index.upsert(withText("CN-claim", "一种电力装置", null, "1.一种驱鸟装置，其特征在于，包括支架"));
            index.upsert(withText("CN-title", "一种驱鸟装置", null, null));
            index.upsert(withText("CN-apart", "一种电力设备", "输电设备的电线，线路检测", null));
            index.upsert(withText("CN-none", "一种洗车装置", "废水循环利用", "1.一种洗车装置"));
            index.refresh();

            List<String> bird = idList(index.search(PatentQuery.of("驱鸟")));
            assertEquals("CN-title", bird.getFirst());
            assertEquals(Set.of("CN-title", "CN-abstract", "CN-claim"), Set.copyOf(bird));
            // Outside the title a part matches when all its bigrams occur, even apart (输电·电线·线路): the price of
            // indexing the long text without positions.
            assertEquals(Set.of("CN-abstract", "CN-apart"), ids(index.search(PatentQuery.of("输电线路"))));
        }
    }

    @Test
    void inAQueryOfSeveralWordsTitlesWithEveryWordRankFirst() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            // The abstract has each word twice; the title once, but it weighs as much as three occurrences.
            index.upsert(withText("CN-abstract", "一种电力设备", "驱鸟装置用于输电线路，驱鸟装置安装在输电线路上", null));
            index.upsert(withText("CN-one-in-title", "一种驱鸟装置", "安装在输电线路上", null));
            index.upsert(withText("CN-title", "一种输电线路驱鸟装置", "安装在铁塔上", null));
            index.upsert(withText("CN-none", "一种驱鸟装置", "安装在屋顶上", null));
            index.refresh();

            List<String> hits = idList(index.search(PatentQuery.of("驱鸟 输电线路")));
            assertEquals("CN-title", hits.getFirst());
            assertEquals(Set.of("CN-title", "CN-one-in-title", "CN-abstract"), Set.copyOf(hits));
        }
    }

    @Test
    void latinLettersAndDigitsMatchWholeTokensCaseInsensitively() {
        // 5G matches 基于5G通信 but not 5GC or 5GBBU: letters and digits form words of their own.
        Pattern wholeToken = Pattern.compile("(?i)(?<![a-z0-9])5g(?![a-z0-9])");
        Set<String> expected = idsWhereTitle(t -> wholeToken.matcher(t).find());
        SearchResult result = INDEX.search(PatentQuery.builder().text("5g").page(0, 100).build());

        assertEquals(expected.size(), result.totalHits());
        assertTrue(expected.containsAll(ids(result)));
        assertTrue(ids(INDEX.search(PatentQuery.of("5G通信"))).contains("CN113876254A")); // 一种基于5G通信的扫地机器人
    }

    @Test
    void aTitleContainingTheQueryAsAWordRanksFirst() {
        // smartcn keeps 变电站 and 水电站 as single words; 光伏 电站 has 电站 as a word of its own.
        List<SearchResult.Hit> hits = INDEX.search(PatentQuery.builder().text("电站").page(0, 100).build()).hits();
        int lastWordHit = -1;
        int firstInsideHit = Integer.MAX_VALUE;
        for (int i = 0; i < hits.size(); i++) {
            String title = hits.get(i).title();
            if (title.contains("变电站") || title.contains("水电站")) {
                firstInsideHit = Math.min(firstInsideHit, i);
            } else if (title.contains("光伏电站")) {
                lastWordHit = i;
            }
        }
        assertTrue(lastWordHit >= 0 && firstInsideHit < Integer.MAX_VALUE);
        assertTrue(lastWordHit < firstInsideHit, "every 光伏电站 title ranks above every 变电站/水电站 title");
    }

    @Test
    void aLongerQueryNarrowsTheHits() {
        SearchResult result = INDEX.search(PatentQuery.of("超声波驱鸟"));

        assertEquals(List.of("CN215454950U"), idList(result)); // 基于太阳能的超声波驱鸟无人机
        List<String> bird = idList(INDEX.search(PatentQuery.of("驱鸟装置")));
        assertEquals(idsWhereTitle(t -> t.contains("驱鸟装置")), Set.copyOf(bird));
    }

    @Test
    void blankOrPunctuationOnlyTextMeansAllPatentsNewestFirst() {
        for (String text : List.of("", "  ", "，、")) {
            SearchResult result = INDEX.search(PatentQuery.builder().text(text).allFacets().build());
            assertEquals(PATENTS.size(), result.totalHits());
            assertTrue(result.totalHitsExact());
            assertNewestFirst(result.hits());
            assertTrue(Float.isNaN(result.hits().getFirst().score()));
        }
    }

    // ---- filters ----

    @Test
    void filtersByTypeAndIpcSubclass() {
        SearchResult utility = INDEX.search(PatentQuery.builder().text("装置").types("UTILITY_MODEL").build());
        assertEquals(count(p -> p.title().contains("装置") && p.type().equals("UTILITY_MODEL")), utility.totalHits());

        SearchResult h02j = INDEX.search(PatentQuery.builder().ipcPrefixes("h02j").build());
        assertEquals(count(p -> p.ipcSubclasses().contains("H02J")), h02j.totalHits());
        h02j.hits().forEach(hit -> assertTrue(BY_ID.get(hit.id()).ipcSubclasses().contains("H02J")));

        SearchResult either = INDEX.search(PatentQuery.builder().ipcPrefixes("H02J", "A01M").build());
        assertEquals(count(p -> p.ipcSubclasses().contains("H02J") || p.ipcSubclasses().contains("A01M")),
                either.totalHits());
    }

    @Test
    void ipcPrefixesMatchSubclassMainGroupOrFullCode() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withIpc("CN1", List.of("B64U20/80", "H04N7/18")));
            index.upsert(withIpc("CN2", List.of("B64U10/13")));
            index.upsert(withIpc("CN3", List.of("B64C39/02")));
            index.refresh();

            assertEquals(Set.of("CN1", "CN2"), ids(index.search(PatentQuery.builder().ipcPrefixes("B64U").build())));
            assertEquals(Set.of("CN1"), ids(index.search(PatentQuery.builder().ipcPrefixes("B64U20").build())));
            assertEquals(Set.of("CN1"), ids(index.search(PatentQuery.builder().ipcPrefixes("b64u 20/80").build())));
            assertEquals(Set.of(), ids(index.search(PatentQuery.builder().ipcPrefixes("B64U20/8").build())));
            assertEquals(Set.of("CN1", "CN3"),
                    ids(index.search(PatentQuery.builder().ipcPrefixes("H04N", "B64C39/02").build())));
        }
    }

    @Test
    void aProvinceMatchesItsCitiesAndACityItsDistricts() {
        SearchResult hubei = INDEX.search(PatentQuery.builder().regionCodes("420000").build());
        assertEquals(count(p -> p.regionCode().startsWith("42")), hubei.totalHits());

        SearchResult wuhan = INDEX.search(PatentQuery.builder().regionCodes("420100").build());
        assertEquals(count(p -> p.regionCode().startsWith("4201")), wuhan.totalHits());

        SearchResult district = INDEX.search(PatentQuery.builder().regionCodes("420111").build());
        assertEquals(count(p -> p.regionCode().equals("420111")), district.totalHits());

        SearchResult twoProvinces = INDEX.search(PatentQuery.builder().regionCodes("110000", "440000").build());
        assertEquals(count(p -> !p.regionCode().startsWith("42")), twoProvinces.totalHits());

        assertEquals(0, INDEX.search(PatentQuery.builder().regionCodes("湖北").build()).totalHits());
    }

    @Test
    void filtersByInclusiveFilingDateRangeAndCombinesFilters() {
        LocalDate from = LocalDate.of(2017, 3, 1);
        LocalDate to = LocalDate.of(2018, 2, 28);
        Predicate<PatentSearchDocument> inRange = p -> p.filingDate() != null
                && !p.filingDate().isBefore(from) && !p.filingDate().isAfter(to);

        SearchResult range = INDEX.search(PatentQuery.builder().filed(from, to).build());
        assertEquals(count(inRange), range.totalHits());

        SearchResult openEnded = INDEX.search(PatentQuery.builder().filed(to, null).build());
        assertEquals(count(p -> p.filingDate() != null && !p.filingDate().isBefore(to)), openEnded.totalHits());

        SearchResult combined = INDEX.search(PatentQuery.builder().text("系统").filed(from, to)
                .institutions("武汉大学", "湖北大学").statuses("ADMITTED").segmentCodes("SEI:3.1").publishedOnly(true)
                .tiers("T1", "T2").legalStatuses("有效").build());
        assertEquals(count(inRange.and(p -> p.title().contains("系统"))
                .and(p -> Set.of("武汉大学", "湖北大学").contains(p.institution()))
                .and(p -> p.status().equals("ADMITTED") && p.segmentCodes().contains("SEI:3.1") && p.published())
                .and(p -> ("T1".equals(p.tier()) || "T2".equals(p.tier())) && p.legalStatus().equals("有效"))),
                combined.totalHits());
        assertTrue(combined.totalHits() > 0);
    }

    // ---- facets ----

    @Test
    void facetsCountAllHitsOfTextAndFilters() {
        Predicate<PatentSearchDocument> matches = p -> p.title().contains("装置") && p.regionCode().startsWith("42");
        SearchResult result = INDEX.search(PatentQuery.builder().text("装置").regionCodes("420000").allFacets().build());

        assertEquals(count(matches), result.totalHits());
        assertTrue(result.totalHitsExact());
        assertEquals(Set.of(Facet.values()), result.facets().keySet());
        assertFacet(result, Facet.INSTITUTION, matches, p -> List.of(p.institution()));
        assertFacet(result, Facet.TYPE, matches, p -> List.of(p.type()));
        assertFacet(result, Facet.LEGAL_STATUS, matches, p -> List.of(p.legalStatus()));
        assertFacet(result, Facet.SEGMENT, matches, PatentSearchDocument::segmentCodes);
        assertFacet(result, Facet.TIER, matches, p -> p.tier() == null ? List.of() : List.of(p.tier()));
        assertFacet(result, Facet.STATUS, matches, p -> List.of(p.status()));
        assertFacet(result, Facet.REGION, matches, p -> List.of(p.regionCode().substring(0, 2) + "0000"));
    }

    @Test
    void facetsCountEveryHitOfAWordAlone() {
        // A word alone is a disjunction, whose hits reach the counter a window at a time (DocIdStream).
        Predicate<PatentSearchDocument> matches = p -> p.title().contains("装置");
        SearchResult result = INDEX.search(PatentQuery.builder().text("装置").allFacets().build());

        assertEquals(count(matches), result.totalHits());
        assertFacet(result, Facet.INSTITUTION, matches, p -> List.of(p.institution()));
        assertFacet(result, Facet.SEGMENT, matches, PatentSearchDocument::segmentCodes);
        assertFacet(result, Facet.REGION, matches, p -> List.of(p.regionCode().substring(0, 2) + "0000"));
    }

    @Test
    void facetsOfAllPatentsAndOnlyTheRequestedOnes() {
        SearchResult result = INDEX.search(PatentQuery.builder().facets(Facet.REGION, Facet.TYPE).build());

        assertEquals(Set.of(Facet.REGION, Facet.TYPE), result.facets().keySet());
        assertFacet(result, Facet.REGION, p -> true, p -> List.of(p.regionCode().substring(0, 2) + "0000"));
        assertFacet(result, Facet.TYPE, p -> true, p -> List.of(p.type()));
        List<SearchResult.FacetCount> regions = result.facets().get(Facet.REGION);
        assertEquals("420000", regions.getFirst().value(), "most frequent first");
        assertTrue(INDEX.search(PatentQuery.of("驱鸟")).facets().isEmpty());
    }

    @Test
    void aFacetWithMoreValuesThanFitInOneCountingChunkIsCountedExactly() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            // 1,500 institutions take 11 bits, more than the 10 bits counted together; types and regions sit beside.
            for (int i = 0; i < 3_000; i++) {
                index.upsert(new PatentSearchDocument("CN" + i, "一种装置", null, null, "机构" + (i % 1_500),
                        i % 3 == 0 ? "DESIGN" : "INVENTION", null, null, null, null, null, null,
                        i % 2 == 0 ? "420102" : "110108", null, 0, true));
            }
            index.upsert(new PatentSearchDocument("CN-most", "一种装置", null, null, "机构7", "INVENTION", null, null,
                    null, null, null, null, "420102", null, 0, true));
            index.refresh();

            SearchResult result = index.search(PatentQuery.builder().text("装置").allFacets().build());

            List<SearchResult.FacetCount> institutions = result.facets().get(Facet.INSTITUTION);
            assertEquals(PatentIndex.MAX_FACET_VALUES, institutions.size());
            assertEquals(new SearchResult.FacetCount("机构7", 3), institutions.getFirst());
            assertTrue(institutions.stream().skip(1).allMatch(value -> value.count() == 2), institutions.toString());
            assertEquals(List.of(new SearchResult.FacetCount("INVENTION", 2_001),
                    new SearchResult.FacetCount("DESIGN", 1_000)), result.facets().get(Facet.TYPE));
            assertEquals(List.of(new SearchResult.FacetCount("420000", 1_501),
                    new SearchResult.FacetCount("110000", 1_500)), result.facets().get(Facet.REGION));
        }
    }

    @Test
    void facetsNeedingMoreThan32BitsPerPatentAreCountedExactly() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            // 1,500 institutions take 11 bits, four segment codes of 31 values 4 × 5 bits: wider than an int.
            for (int i = 0; i < 3_000; i++) {
                List<String> segments = List.of("SEI:" + (i % 31), "SEI:" + ((i + 1) % 31), "SEI:" + ((i + 2) % 31),
                        "SEI:" + ((i + 3) % 31));
                index.upsert(new PatentSearchDocument("CN" + i, "一种装置", null, null, "机构" + (i % 1_500),
                        i % 3 == 0 ? "DESIGN" : "INVENTION", "有效", segments, null, null, "T" + (i % 4),
                        "ADMITTED", i % 2 == 0 ? "420102" : "110108", null, 0, true));
            }
            index.refresh();

            SearchResult result = index.search(PatentQuery.builder().text("装置").allFacets().build());

            assertEquals(3_000, result.totalHits());
            // Patent i has the codes i … i + 3 (mod 31), so code c is on the patents whose i mod 31 is c - 3 … c.
            Map<String, Long> expectedSegments = new HashMap<>();
            for (int i = 0; i < 3_000; i++) {
                for (int k = 0; k < 4; k++) {
                    expectedSegments.merge("SEI:" + ((i + k) % 31), 1L, Long::sum);
                }
            }
            assertEquals(expectedSegments, result.facets().get(Facet.SEGMENT).stream()
                    .collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count)));
            List<SearchResult.FacetCount> institutions = result.facets().get(Facet.INSTITUTION);
            assertEquals(PatentIndex.MAX_FACET_VALUES, institutions.size());
            assertTrue(institutions.stream().allMatch(value -> value.count() == 2), institutions.toString());
            assertEquals(List.of(new SearchResult.FacetCount("T0", 750), new SearchResult.FacetCount("T1", 750),
                    new SearchResult.FacetCount("T2", 750), new SearchResult.FacetCount("T3", 750)),
                    result.facets().get(Facet.TIER));
            assertEquals(List.of(new SearchResult.FacetCount("110000", 1_500),
                    new SearchResult.FacetCount("420000", 1_500)), result.facets().get(Facet.REGION));
        }
    }

    @Test
    void facetsCountedWithAHelperOverSegmentsSharedOutAreExact(@TempDir Path directory) {
        // Eight segments make two slices (at most five segments each); with two slots and none busy, the search
        // counts one slice and a helper the other, and the slices' counts are added up.
        try (PatentIndex index = PatentIndex.open(directory, false, new SearchSlots(2))) {
            for (int segment = 0; segment < 8; segment++) {
                for (int i = 0; i < 500; i++) {
                    int n = segment * 500 + i;
                    index.upsert(new PatentSearchDocument("CN" + n, "一种装置", null, null, "机构" + (n % 7),
                            n % 3 == 0 ? "DESIGN" : "INVENTION", null, null, null, null, null, null,
                            n % 2 == 0 ? "420102" : "110108", null, 0, true));
                }
                index.refresh();
            }
            assertTrue(index.withSearcher(searcher -> searcher.getIndexReader().leaves().size()) >= 6,
                    "several segments, so that the counting is shared out");

            SearchResult result = index.search(PatentQuery.builder().text("装置").allFacets().build());

            assertEquals(4_000, result.totalHits());
            assertEquals(List.of(new SearchResult.FacetCount("INVENTION", 2_666),
                    new SearchResult.FacetCount("DESIGN", 1_334)), result.facets().get(Facet.TYPE));
            assertEquals(List.of(new SearchResult.FacetCount("110000", 2_000),
                    new SearchResult.FacetCount("420000", 2_000)), result.facets().get(Facet.REGION));
            Map<String, Long> institutions = result.facets().get(Facet.INSTITUTION).stream()
                    .collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
            Map<String, Long> expected = new HashMap<>();
            for (int n = 0; n < 4_000; n++) {
                expected.merge("机构" + (n % 7), 1L, Long::sum);
            }
            assertEquals(expected, institutions);
        }
    }

    @Test
    void facetCountsOfBroadQueriesFollowWrites() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            int many = PatentIndex.FACET_CACHE_MIN_HITS + 10; // enough hits for the counts to be cached
            for (int i = 0; i < many; i++) {
                index.upsert(withType("CN" + i, "INVENTION"));
            }
            index.refresh();
            PatentQuery browse = PatentQuery.builder().facets(Facet.TYPE).build();
            assertEquals(List.of(new SearchResult.FacetCount("INVENTION", many)),
                    index.search(browse).facets().get(Facet.TYPE));
            assertEquals(many, index.search(browse).totalHits()); // the second time from the cache

            index.upsert(withType("CN0", "DESIGN"));
            index.upsert(withType("CN-new", "DESIGN"));
            index.refresh();
            SearchResult after = index.search(browse);
            assertEquals(many + 1, after.totalHits());
            assertEquals(List.of(new SearchResult.FacetCount("INVENTION", many - 1),
                    new SearchResult.FacetCount("DESIGN", 2)), after.facets().get(Facet.TYPE));
        }
    }

    // ---- order and paging ----

    @Test
    void sortsByFilingDateEitherWayWithUndatedPatentsLast() {
        PatentQuery.Builder query = PatentQuery.builder().text("方法").page(0, 100);
        List<SearchResult.Hit> newest = INDEX.search(query.sort(Sort.FILING_DATE_DESC).build()).hits();
        assertNewestFirst(newest);

        List<LocalDate> oldest = INDEX.search(query.sort(Sort.FILING_DATE_ASC).build()).hits().stream()
                .map(hit -> BY_ID.get(hit.id()).filingDate()).toList();
        assertFalse(oldest.contains(null));
        assertEquals(oldest.stream().sorted().toList(), oldest);
        assertEquals(PATENTS.stream().filter(p -> p.title().contains("方法") && p.filingDate() != null)
                .map(PatentSearchDocument::filingDate).min(Comparator.naturalOrder()).orElseThrow(), oldest.getFirst());

        // Walking all pages: undated patents come last in ascending order too.
        long matching = count(p -> p.title().contains("方法"));
        List<LocalDate> all = new ArrayList<>();
        for (int page = 0; page * 100 < matching; page++) {
            INDEX.search(query.sort(Sort.FILING_DATE_ASC).page(page, 100).build()).hits()
                    .forEach(hit -> all.add(BY_ID.get(hit.id()).filingDate()));
        }
        int undated = (int) count(p -> p.title().contains("方法") && p.filingDate() == null);
        assertTrue(undated > 0);
        assertEquals(matching, all.size());
        assertEquals(Collections.nCopies(undated, null), all.subList(all.size() - undated, all.size()));
        List<LocalDate> dated = all.subList(0, all.size() - undated);
        assertEquals(dated.stream().sorted().toList(), dated);
    }

    @Test
    void sortsByValueWithUnassessedPatentsAsZero() {
        List<Double> values = INDEX.search(PatentQuery.builder().sort(Sort.VALUE_DESC).page(0, 100).build()).hits()
                .stream().map(hit -> BY_ID.get(hit.id()).valueScore()).toList();
        assertEquals(100.0, values.getFirst());
        assertEquals(values.stream().sorted(Comparator.reverseOrder()).toList(), values);

        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withValue("CN-unassessed", Double.NaN));
            index.upsert(withValue("CN-high", 50));
            index.upsert(withValue("CN-low", 10));
            index.refresh();
            assertEquals(List.of("CN-high", "CN-low", "CN-unassessed"),
                    idList(index.search(PatentQuery.builder().sort(Sort.VALUE_DESC).build())));
        }
    }

    @Test
    void secondPageContinuesTheFirstWithoutOverlap() {
        for (Sort sort : Sort.values()) {
            PatentQuery.Builder query = PatentQuery.builder().text("装置").sort(sort);
            List<String> first = idList(INDEX.search(query.page(0, 20).build()));
            List<String> second = idList(INDEX.search(query.page(1, 20).build()));
            List<String> both = idList(INDEX.search(query.page(0, 40).build()));

            assertEquals(20, first.size());
            assertEquals(20, second.size());
            assertTrue(Collections.disjoint(first, second), sort.name());
            List<String> concatenated = new ArrayList<>(first);
            concatenated.addAll(second);
            assertEquals(both, concatenated, sort.name());
        }
    }

    @Test
    void relevanceScoresAreReturnedOnlyForRelevanceOrder() {
        SearchResult relevance = INDEX.search(PatentQuery.of("装置"));
        assertFalse(Float.isNaN(relevance.hits().getFirst().score()));
        assertTrue(relevance.hits().getFirst().score() >= relevance.hits().getLast().score());

        SearchResult byDate = INDEX.search(PatentQuery.builder().text("装置").sort(Sort.FILING_DATE_DESC).build());
        assertTrue(Float.isNaN(byDate.hits().getFirst().score()));
    }

    @Test
    void totalHitsAreExactUpToTheLimitWithoutFacets() {
        SearchResult all = INDEX.search(PatentQuery.of("一种"));
        long expected = count(p -> p.title().contains("一种"));
        assertTrue(expected < PatentIndex.EXACT_TOTAL_HITS);
        assertEquals(expected, all.totalHits());
        assertTrue(all.totalHitsExact());
    }

    @Test
    void rejectsPagesBeyondTheWindowAndOversizedPages() {
        assertThrows(IllegalArgumentException.class, () -> PatentQuery.builder().page(0, 101).build());
        assertThrows(IllegalArgumentException.class, () -> PatentQuery.builder().page(100, 100).build());
        assertThrows(IllegalArgumentException.class, () -> PatentQuery.builder().page(-1, 20).build());
        assertNotNull(PatentQuery.builder().page(99, 100).build());
    }

    // ---- writes ----

    @Test
    void upsertReplacesAndDeleteRemoves() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withTitle("CN202223220665.2", "一种无人机巡检装置"));
            index.upsert(withTitle("CN202223220665.3", "一种电池管理系统"));
            index.upsert(withTitle("CN202223220665.2", "一种光伏板清洗机器人"));
            index.refresh();

            assertEquals(2, index.count());
            assertEquals(0, index.search(PatentQuery.of("无人机")).totalHits());
            assertEquals(List.of("CN202223220665.2"), idList(index.search(PatentQuery.of("清洗机器人"))));

            index.delete("CN202223220665.2");
            index.refresh();
            assertEquals(1, index.count());
            assertEquals(0, index.search(PatentQuery.of("清洗机器人")).totalHits());

            index.deleteAll();
            index.refresh();
            assertEquals(0, index.count());
        }
    }

    @Test
    void anUpsertBecomesSearchableWithinASecondWithoutExplicitRefresh() throws InterruptedException {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withTitle("CN1", "一种水稻种植用仿生驱鸟装置"));
            long start = System.nanoTime();
            long elapsedMillis;
            do {
                Thread.sleep(20);
                elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            } while (index.search(PatentQuery.of("驱鸟")).totalHits() == 0 && elapsedMillis < 2_000);

            assertTrue(elapsedMillis < 1_000, "visible after " + elapsedMillis + " ms");
        }
    }

    @Test
    void aBulkLoadBecomesSearchableWithinAboutASecond() throws InterruptedException {
        try (PatentIndex index = PatentIndex.inMemory()) {
            int bulk = PatentIndex.BULK_WRITES * 5;
            for (int i = 0; i < bulk; i++) {
                index.upsert(withType("CN" + i, "INVENTION"));
            }
            long start = System.nanoTime();
            long elapsedMillis;
            do {
                Thread.sleep(20);
                elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            } while (index.count() < bulk && elapsedMillis < 3_000);

            assertTrue(elapsedMillis < PatentIndex.BULK_REFRESH_INTERVAL_MILLIS + 500,
                    "visible after " + elapsedMillis + " ms");
        }
    }

    @Test
    void aRepeatedSearchIsAnsweredFromRecentResultsUntilAWriteChangesTheIndex() {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsert(withTitle("CN1", "一种驱鸟装置"));
            index.upsert(withTitle("CN2", "一种洗车装置"));
            index.refresh();
            PatentQuery query = PatentQuery.builder().text("驱鸟").allFacets().build();

            SearchResult first = index.search(query);
            assertEquals(0, index.resultCacheHitRatio());
            SearchResult again = index.search(query);
            assertEquals(0.5, index.resultCacheHitRatio(), "the second search was answered from recent results");
            assertEquals(first.hits(), again.hits());
            assertEquals(first.facets(), again.facets());
            assertEquals(List.of("CN1"), idList(again));
            // Another page or order is another result.
            assertTrue(index.search(PatentQuery.builder().text("驱鸟").page(1, 20).build()).hits().isEmpty());

            index.upsert(withTitle("CN3", "一种太阳能驱鸟器"));
            index.refresh();
            SearchResult afterWrite = index.search(query);
            assertEquals(Set.of("CN1", "CN3"), Set.copyOf(idList(afterWrite)));
            assertEquals(2, afterWrite.totalHits());
        }
    }

    @Test
    void searchesRunConcurrentlyWithAWriter() throws Exception {
        try (PatentIndex index = PatentIndex.inMemory()) {
            index.upsertAll(PATENTS.subList(0, 2_000));
            index.refresh();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService searchers = Executors.newFixedThreadPool(4);
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                results.add(searchers.submit(() -> {
                    int searches = 0;
                    while (writing.get()) {
                        SearchResult result = index.search(PatentQuery.builder().text("装置").allFacets().build());
                        assertTrue(result.totalHits() > 0);
                        searches++;
                    }
                    return searches;
                }));
            }
            index.upsertAll(PATENTS.subList(2_000, PATENTS.size())); // while the searches run
            index.delete(PATENTS.getFirst().id());
            writing.set(false);
            for (Future<Integer> searches : results) {
                assertTrue(searches.get() > 0);
            }
            searchers.shutdown();
            index.refresh();
            assertEquals(PATENTS.size() - 1, index.count());
        }
    }

    @Test
    void commitDataRoundTripsAndSurvivesPlainCommitsAndReopening(@TempDir Path directory) {
        try (PatentIndex index = PatentIndex.open(directory.resolve("tenant-a"))) {
            assertEquals(Map.of(PatentIndex.SCHEMA_KEY, PatentFields.SCHEMA_VERSION), index.commitData());
            index.upsert(withTitle("CN1", "一种驱鸟装置"));
            index.commit(Map.of("built-at", "2025-01-02T03:04:05Z", "source-count", "1"));
            index.upsert(withTitle("CN2", "一种洗车装置"));
            index.commit();
            assertEquals("1", index.commitData().get("source-count"));
            assertThrows(IllegalArgumentException.class, () -> index.commit(Map.of(PatentIndex.SCHEMA_KEY, "x")));
        }
        try (PatentIndex reopened = PatentIndex.open(directory.resolve("tenant-a"))) {
            assertEquals(2, reopened.count());
            assertEquals(Map.of("built-at", "2025-01-02T03:04:05Z", "source-count", "1",
                    PatentIndex.SCHEMA_KEY, PatentFields.SCHEMA_VERSION), reopened.commitData());
            assertEquals(List.of("CN1"), idList(reopened.search(PatentQuery.of("驱鸟"))));
        }
    }

    @Test
    void catchingUpStartsAMinuteBeforeTheLastMarkedCommitAndNotAtAllWithoutOne(@TempDir Path directory) {
        Instant mark = Instant.parse("2026-11-22T08:00:00Z");
        try (PatentIndex index = PatentIndex.open(directory.resolve("tenant-a"))) {
            assertEquals(Optional.empty(), index.catchUpFrom(), "never marked: build from scratch");
            index.upsert(withTitle("CN1", "一种驱鸟装置"));
            index.commitUpTo(mark);
            index.commit(); // a plain commit keeps the mark
        }
        try (PatentIndex reopened = PatentIndex.open(directory.resolve("tenant-a"))) {
            assertEquals(Optional.of(Instant.parse("2026-11-22T07:59:00Z")), reopened.catchUpFrom());
        }
    }

    @Test
    void anIndexOfAnotherSchemaVersionIsEmptiedOnOpen(@TempDir Path directory) throws Exception {
        try (FSDirectory old = FSDirectory.open(directory);
             IndexWriter writer = new IndexWriter(old, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField(PatentFields.ID, "CN1", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of(PatentIndex.SCHEMA_KEY, "0", "source-count", "1").entrySet());
            writer.commit();
        }
        try (PatentIndex index = PatentIndex.open(directory)) {
            assertEquals(0, index.count());
            assertEquals(Map.of(PatentIndex.SCHEMA_KEY, PatentFields.SCHEMA_VERSION), index.commitData());
        }
    }

    // ---- helpers ----

    private static void assertFacet(SearchResult result, Facet facet, Predicate<PatentSearchDocument> matches,
                                    Function<PatentSearchDocument, List<String>> values) {
        Map<String, Long> expected = new HashMap<>();
        PATENTS.stream().filter(matches).forEach(p -> values.apply(p).forEach(v -> expected.merge(v, 1L, Long::sum)));
        Map<String, Long> actual = result.facets().get(facet).stream()
                .collect(Collectors.toMap(SearchResult.FacetCount::value, SearchResult.FacetCount::count));
        assertEquals(expected, actual, facet.key());
        List<Long> counts = result.facets().get(facet).stream().map(SearchResult.FacetCount::count).toList();
        assertEquals(counts.stream().sorted(Comparator.reverseOrder()).toList(), counts, facet.key() + " order");
    }

    private static void assertNewestFirst(List<SearchResult.Hit> hits) {
        List<LocalDate> dates = hits.stream().map(hit -> BY_ID.get(hit.id()).filingDate()).toList();
        assertFalse(dates.contains(null));
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates);
    }

    private static PatentSearchDocument withTitle(String id, String title) {
        return new PatentSearchDocument(id, title, null, null, null, null, null, null, null, null, null, null, null,
                null, Double.NaN, true);
    }

    private static PatentSearchDocument withText(String id, String title, String abstractText, String claim) {
        return new PatentSearchDocument(id, title, abstractText, claim, null, null, null, null, null, null, null, null,
                null, null, 0, true);
    }

    private static PatentSearchDocument withType(String id, String type) {
        return new PatentSearchDocument(id, "一种装置", null, null, null, type, null, null, null, null, null, null,
                null, null, 0, true);
    }

    private static PatentSearchDocument withIpc(String id, List<String> codes) {
        return new PatentSearchDocument(id, "一种装置", null, null, null, null, null, null, null, codes, null, null,
                null, null, 0, true);
    }

    private static PatentSearchDocument withValue(String id, double value) {
        return new PatentSearchDocument(id, "一种装置", null, null, null, null, null, null, null, null, null, null,
                null, null, value, true);
    }

    private static long count(Predicate<PatentSearchDocument> predicate) {
        return PATENTS.stream().filter(predicate).count();
    }

    private static Set<String> idsWhereTitle(Predicate<String> predicate) {
        return PATENTS.stream().filter(p -> predicate.test(p.title())).map(PatentSearchDocument::id)
                .collect(Collectors.toSet());
    }

    private static SearchResult.Hit hit(SearchResult result, String id) {
        return result.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> ids(SearchResult result) {
        return new HashSet<>(idList(result));
    }

    private static List<String> idList(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
