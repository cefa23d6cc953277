package org.ipop.library.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ipop.library.ipc.IpcCode;
import org.ipop.library.tagging.ConcordanceCatalog.Branch;
import org.ipop.library.tagging.ConcordanceCatalog.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcordanceCatalogTest {

    private static final List<ConcordanceCatalog> CATALOGS = ConcordanceCatalog.loadAll();

    private static ConcordanceCatalog catalog(Catalog catalog) {
        return CATALOGS.get(catalog.ordinal());
    }

    @ParameterizedTest
    @CsvSource({"SEI_2021, 40, 303", "KEY_DIGITAL_2023, 527, 527", "XINSANYANG_2024, 49, 78", "GREEN_TECH, 143, 155"})
    void every_branch_and_rule_of_the_table_is_loaded(Catalog catalog, int branches, int rules) {
        ConcordanceCatalog loaded = catalog(catalog);

        assertEquals(catalog, loaded.catalog());
        assertEquals(branches, loaded.branches().size());
        assertEquals(rules, loaded.branches().stream().mapToInt(branch -> branch.rules().size()).sum());
        assertEquals(rules, loaded.ruleCount());
    }

    @Test
    void load_all_gives_the_four_catalogs_in_order() {
        assertEquals(List.of(Catalog.values()), CATALOGS.stream().map(ConcordanceCatalog::catalog).toList());
    }

    @Test
    void sei_branches_carry_their_industry_name() {
        Branch branch = catalog(Catalog.SEI_2021).branches().getFirst();

        assertEquals("1.1", branch.code());
        assertEquals("下一代信息网络产业", branch.name());
        assertEquals("新一代信息技术产业", branch.parentName());
    }

    @Test
    void key_digital_branches_are_identified_by_subsystem_and_code() {
        List<Branch> branches = catalog(Catalog.KEY_DIGITAL_2023).branches();
        Set<String> keys = new HashSet<>();
        branches.forEach(branch -> keys.add(branch.parentName() + " " + branch.code()));

        assertEquals(branches.size(), keys.size());
        assertTrue(keys.contains("人工智能 1.1"));
        assertTrue(keys.contains("高端芯片 1.1"));
        assertEquals("人工智能", branches.getFirst().parentName());
        assertEquals("元宇宙", branches.getLast().parentName());
    }

    @Test
    void branches_are_ordered_by_parent_then_number_part_by_part() {
        List<String> sei = catalog(Catalog.SEI_2021).branches().stream().map(Branch::code).toList();

        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "1.5", "2.1"), sei.subList(0, 6));
        assertEquals("9.2", sei.getLast());
    }

    @Test
    void rules_keep_table_order_with_parsed_patterns_and_derived_terms() {
        Rule rule = catalog(Catalog.SEI_2021).branches().getFirst().rules().get(1);

        assertEquals(1, rule.index());
        assertEquals("B41J*", rule.ipc().getFirst().text());
        assertTrue(rule.excludes(IpcCode.parse("H04N5/225")));
        assertFalse(rule.excludes(IpcCode.parse("H04N17/00")));
        assertEquals("光纤宽带运营", rule.terms().getFirst().term());
    }

    @Test
    void xinsanyang_keyword_exclusions_and_green_coverage_are_read() {
        Rule electricVehicle = catalog(Catalog.XINSANYANG_2024).branches().getFirst().rules().getFirst();
        assertEquals(List.of("燃料汽车"), electricVehicle.exclusionTerms().stream().map(KeywordTerm::term).toList());

        long fullyCovered = catalog(Catalog.GREEN_TECH).branches().stream()
                .flatMap(branch -> branch.rules().stream()).filter(Rule::fullCoverage).count();
        assertEquals(70, fullyCovered);
        assertTrue(catalog(Catalog.GREEN_TECH).branches().stream()
                .allMatch(branch -> branch.rules().stream().allMatch(rule -> rule.terms().isEmpty())));
    }

    @Test
    void a_malformed_pattern_is_reported_with_its_branch_and_rule() {
        String json = """
                {"industries": [{"code": "1", "name": "测试产业"}],
                 "branches": [{"code": "1.1", "name": "测试", "industry_code": "1",
                               "rules": [{"ipc": ["B6*"], "exclude": [], "keywords": []}]}]}
                """;

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ConcordanceCatalog.read(
                Catalog.SEI_2021, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertTrue(error.getMessage().contains("branch 1.1 rule 0"), error.getMessage());
        assertTrue(error.getMessage().contains("B6*"), error.getMessage());
    }
}
