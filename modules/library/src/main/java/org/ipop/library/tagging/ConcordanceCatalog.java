package org.ipop.library.tagging;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ipop.library.ipc.IpcCode;
import org.ipop.library.ipc.IpcPattern;

/**
 * One concordance table, read from its JSON file into branches and rules with the IPC patterns parsed and the keyword
 * terms derived, and indexed so that a code is only compared with the rules that have a pattern in its subclass (or,
 * for the few class-wide patterns such as {@code C08*}, in its class).
 *
 * <p>The JSON files are described in {@code shared/data/README.md} (section concordance): every branch has
 * {@code code}, {@code name} and {@code rules}; a rule has {@code ipc} and {@code exclude} patterns and, depending on
 * the table, {@code keywords}, {@code keyword_exclusions} (新三样) or {@code coverage} (green tech). The level above
 * the branch is {@code industry_code} (SEI), {@code subsystem} (key digital) or {@code group_code} (新三样, green).
 */
public final class ConcordanceCatalog {

    /**
     * A branch (细分领域) of the catalog.
     *
     * @param code       number as printed, e.g. {@code 1.3}
     * @param name       e.g. 新兴软件和新型信息技术服务
     * @param parentName the industry, sub-system or group above it
     * @param rules      the table's rows for this branch, in table order
     */
    public record Branch(String code, String name, String parentName, List<Rule> rules) {
        public Branch {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One row of the table: patents with a code in {@code ipc} and not in {@code exclude} belong to the branch,
     * confirmed if the text contains one of the {@code terms}; a text containing one of the {@code exclusionTerms}
     * (新三样 不包括…, e.g. 燃料汽车) does not belong, whatever its codes.
     *
     * @param index          position within the branch, from 0
     * @param ipc            the IPC ranges of the row
     * @param exclude        the row's （不含…） exclusions, applied to each code separately
     * @param keywords       the keyword column as printed
     * @param terms          search terms derived from {@code keywords} (see {@link KeywordTerm})
     * @param exclusionTerms search terms that disqualify a text
     * @param fullCoverage   green tech 全部涉及: every patent under the codes belongs, no keyword needed
     */
    public record Rule(int index, List<IpcPattern> ipc, List<IpcPattern> exclude, List<String> keywords,
                       List<KeywordTerm> terms, List<KeywordTerm> exclusionTerms, boolean fullCoverage) {
        public Rule {
            ipc = List.copyOf(ipc);
            exclude = List.copyOf(exclude);
            keywords = List.copyOf(keywords);
            terms = List.copyOf(terms);
            exclusionTerms = List.copyOf(exclusionTerms);
        }

        /** Whether one of the row's exclusions covers the code. */
        public boolean excludes(IpcCode code) {
            for (IpcPattern pattern : exclude) {
                if (pattern.matches(code)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A rule filed under one index symbol, with those of its patterns that lie under the symbol.
     *
     * @param ruleId   the rule's position among all rules of the catalog, in branch order then rule order
     * @param patterns the rule's {@code ipc} patterns under the symbol, in table order
     */
    record Candidate(int ruleId, Branch branch, Rule rule, List<IpcPattern> patterns) {

        /** The first of the patterns that covers the code, or {@code null}. */
        IpcPattern patternCovering(IpcCode code) {
            for (IpcPattern pattern : patterns) {
                if (pattern.matches(code)) {
                    return pattern;
                }
            }
            return null;
        }
    }

    private final Catalog catalog;
    private final List<Branch> branches;
    private final int ruleCount;
    /** Class or subclass symbol ({@code C08}, {@code G06F}) → the rules with a pattern under it. */
    private final Map<String, List<Candidate>> index;

    private ConcordanceCatalog(Catalog catalog, List<Branch> branches) {
        this.catalog = catalog;
        this.branches = List.copyOf(branches);
        Map<String, List<Candidate>> byIndexSymbol = new HashMap<>();
        int ruleId = 0;
        for (Branch branch : this.branches) {
            for (Rule rule : branch.rules()) {
                Map<String, List<IpcPattern>> patternsBySymbol = new LinkedHashMap<>();
                for (IpcPattern pattern : rule.ipc()) {
                    patternsBySymbol.computeIfAbsent(pattern.indexSymbol(), symbol -> new ArrayList<>()).add(pattern);
                }
                for (Map.Entry<String, List<IpcPattern>> entry : patternsBySymbol.entrySet()) {
                    byIndexSymbol.computeIfAbsent(entry.getKey(), symbol -> new ArrayList<>())
                            .add(new Candidate(ruleId, branch, rule, List.copyOf(entry.getValue())));
                }
                ruleId++;
            }
        }
        this.ruleCount = ruleId;
        this.index = Map.copyOf(byIndexSymbol);
    }

    /** Reads the catalog's table from the classpath ({@link Catalog#resource()}). */
    public static ConcordanceCatalog load(Catalog catalog) {
        try (InputStream json = ConcordanceCatalog.class.getResourceAsStream(catalog.resource())) {
            if (json == null) {
                throw new IllegalStateException("Concordance table not on the classpath: " + catalog.resource());
            }
            return read(catalog, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read concordance table " + catalog.resource(), e);
        }
    }

    /** Reads all four catalogs from the classpath, in {@link Catalog} order. */
    public static List<ConcordanceCatalog> loadAll() {
        return Arrays.stream(Catalog.values()).map(ConcordanceCatalog::load).toList();
    }

    /**
     * Reads a catalog's table from JSON.
     *
     * @throws IllegalArgumentException if a branch or rule lacks a required field or a pattern cannot be read
     */
    public static ConcordanceCatalog read(Catalog catalog, InputStream json) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(json)) {
            root = reader.readObject();
        }
        // The level above the branches: SEI "industries", 新三样 and green tech "groups" (code → name), key digital
        // "subsystems" (named directly in each branch). Their order is the order branches are listed in.
        Map<String, String> parentNames = new LinkedHashMap<>();
        for (String listName : List.of("industries", "groups")) {
            if (root.containsKey(listName)) {
                for (JsonValue parent : root.getJsonArray(listName)) {
                    parentNames.put(parent.asJsonObject().getString("code"), parent.asJsonObject().getString("name"));
                }
            }
        }
        if (root.containsKey("subsystems")) {
            for (JsonValue subsystem : root.getJsonArray("subsystems")) {
                String name = subsystem.asJsonObject().getString("name");
                parentNames.put(name, name);
            }
        }
        List<String> parentOrder = List.copyOf(parentNames.values());

        List<Branch> branches = new ArrayList<>();
        for (JsonValue value : root.getJsonArray("branches")) {
            JsonObject branch = value.asJsonObject();
            String code = branch.getString("code");
            String parentKey = branch.getString("subsystem",
                    branch.getString("industry_code", branch.getString("group_code", "")));
            String parentName = Objects.requireNonNull(parentNames.get(parentKey),
                    () -> catalog + " branch " + code + ": unknown parent '" + parentKey + "'");
            List<Rule> rules = new ArrayList<>();
            for (JsonValue rule : branch.getJsonArray("rules")) {
                rules.add(readRule(catalog, code, rules.size(), rule.asJsonObject()));
            }
            branches.add(new Branch(code, branch.getString("name"), parentName, rules));
        }
        branches.sort(Comparator.<Branch>comparingInt(branch -> parentOrder.indexOf(branch.parentName()))
                .thenComparing(Branch::code, ConcordanceCatalog::compareBranchCodes));
        return new ConcordanceCatalog(catalog, branches);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The branches, ordered by parent (industry, sub-system, group) as the table lists them, then by number. */
    public List<Branch> branches() {
        return branches;
    }

    /** Number of rules of all branches; rule ids of {@link Candidate} run from 0 to this, exclusive. */
    int ruleCount() {
        return ruleCount;
    }

    /** The rules with a pattern under a class or subclass symbol ({@code C08}, {@code G06F}). */
    List<Candidate> candidatesUnder(String symbol) {
        return index.getOrDefault(symbol, List.of());
    }

    private static Rule readRule(Catalog catalog, String branchCode, int index, JsonObject rule) {
        try {
            List<String> keywords = strings(rule, "keywords");
            return new Rule(index,
                    strings(rule, "ipc").stream().map(IpcPattern::parse).toList(),
                    strings(rule, "exclude").stream().map(IpcPattern::parse).toList(),
                    keywords,
                    KeywordTerm.derive(keywords),
                    KeywordTerm.derive(strings(rule, "keyword_exclusions")),
                    "全部涉及".equals(rule.getString("coverage", null)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(catalog + " branch " + branchCode + " rule " + index + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.containsKey(name)
                ? object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }

    /** Compares branch numbers part by part as numbers: {@code 1.2} before {@code 1.10}. */
    private static int compareBranchCodes(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
