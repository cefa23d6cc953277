package org.ipop.library.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipop.library.ipc.IpcCode;
import org.ipop.library.ipc.IpcPattern;
import org.ipop.library.tagging.ConcordanceCatalog.Branch;
import org.ipop.library.tagging.ConcordanceCatalog.Candidate;
import org.ipop.library.tagging.ConcordanceCatalog.Rule;

/**
 * Tags a patent with the branches of the concordance catalogs its IPC codes fall into.
 *
 * <p>The rules, for each catalog:
 * <ul>
 * <li>A rule applies if one of the patent's codes is covered by one of the rule's {@code ipc} patterns and by none
 *     of its {@code exclude} patterns. Exclusions apply code by code: a patent with an excluded code X and a covered,
 *     not excluded code Y matches through Y.</li>
 * <li>A rule with keyword exclusions (新三样 不包括…, e.g. 燃料汽车) does not apply to a text that contains one of
 *     them.</li>
 * <li>An applying rule is {@link TagStrength#KEYWORD_CONFIRMED} if one of its keyword terms occurs in the text
 *     (or it is a green-tech 全部涉及 rule), otherwise {@link TagStrength#IPC_ONLY}; see {@link TagStrength} and,
 *     for how terms are derived and matched, {@link KeywordTerm}. 新三样 "open-ended" keyword lists (…等) are
 *     examples, not a closed vocabulary; that changes nothing here, since any term suffices.</li>
 * <li>One tag per branch: the strongest of its applying rules, the first one in table order among equals. The
 *     evidence names the first of the patent's codes (in the order given, main code first) that the rule covers.</li>
 * </ul>
 * Tags are listed by catalog ({@link Catalog} order), then strength (confirmed first), then branch
 * ({@link ConcordanceCatalog#branches()} order: parent, then number).
 *
 * <p>Thread-safe and immutable; {@link #standard()} shares one instance with the four catalogs loaded once.
 */
public final class SegmentTagger {

    private final List<ConcordanceCatalog> catalogs;

    /** A tagger for the given catalogs (listed in {@link Catalog} order whatever the order given). */
    public SegmentTagger(List<ConcordanceCatalog> catalogs) {
        this.catalogs = catalogs.stream().sorted(Comparator.comparing(ConcordanceCatalog::catalog)).toList();
    }

    /** The tagger for all four catalogs, loaded from the classpath on first use. */
    public static SegmentTagger standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final SegmentTagger INSTANCE = new SegmentTagger(ConcordanceCatalog.loadAll());
    }

    /**
     * Tags a patent.
     *
     * @param codes the patent's IPC codes, main code first
     * @param text  the text keywords are looked for in: title, abstract and first claim
     */
    public List<SegmentTag> tag(List<IpcCode> codes, String text) {
        SearchText searchText = new SearchText(Objects.requireNonNullElse(text, ""));
        List<SegmentTag> tags = new ArrayList<>();
        for (ConcordanceCatalog catalog : catalogs) {
            tags.addAll(bestPerBranch(catalog, matchingRules(catalog, codes), searchText));
        }
        return List.copyOf(tags);
    }

    /**
     * Tags a patent as an import row gives it. Codes that are not IPC codes are ignored here: they are validated, and
     * reported, where the row is imported.
     *
     * @param ipcCodes     the patent's IPC codes in any spelling {@link IpcCode#parse(String)} accepts, main first
     * @param title        专利名称, may be null
     * @param abstractText 摘要, may be null
     * @param claim        first claim (主权项), may be null
     */
    public List<SegmentTag> tag(List<String> ipcCodes, String title, String abstractText, String claim) {
        List<IpcCode> codes = ipcCodes.stream().map(IpcCode::tryParse).flatMap(Optional::stream).toList();
        String text = Stream.of(title, abstractText, claim).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return tag(codes, text);
    }

    /** The first match of a rule: the pattern and the patent's code it covers. */
    private record Hit(Candidate candidate, IpcPattern pattern, IpcCode code) {
    }

    /**
     * The rules of the catalog that one of the codes matches, indexed by rule id, each with its first match; only the
     * rules filed under a code's subclass or class are looked at.
     */
    private static Hit[] matchingRules(ConcordanceCatalog catalog, List<IpcCode> codes) {
        Hit[] hitsByRuleId = new Hit[catalog.ruleCount()];
        for (IpcCode code : codes) {
            for (String symbol : List.of(code.subclassSymbol(), code.classSymbol())) {
                for (Candidate candidate : catalog.candidatesUnder(symbol)) {
                    if (hitsByRuleId[candidate.ruleId()] == null) {
                        IpcPattern pattern = candidate.patternCovering(code);
                        if (pattern != null && !candidate.rule().excludes(code)) {
                            hitsByRuleId[candidate.ruleId()] = new Hit(candidate, pattern, code);
                        }
                    }
                }
            }
        }
        return hitsByRuleId;
    }

    /** One tag per branch from the matching rules, confirmed ones first, each group in branch order. */
    private static List<SegmentTag> bestPerBranch(ConcordanceCatalog catalog, Hit[] hitsByRuleId, SearchText text) {
        // Rule ids run in branch order, then rule order: the rules of a branch are consecutive.
        List<SegmentTag> tags = new ArrayList<>();
        Branch branch = null;
        SegmentTag best = null;
        for (Hit hit : hitsByRuleId) {
            if (hit == null) {
                continue;
            }
            if (hit.candidate().branch() != branch) {
                if (best != null) {
                    tags.add(best);
                }
                branch = hit.candidate().branch();
                best = null;
            }
            // A later rule replaces the branch's best only if strictly stronger; nothing beats a confirmed tag.
            if (best == null || best.strength() != TagStrength.KEYWORD_CONFIRMED) {
                SegmentTag tag = evaluate(catalog.catalog(), hit, text);
                if (tag != null && (best == null || tag.strength().compareTo(best.strength()) < 0)) {
                    best = tag;
                }
            }
        }
        if (best != null) {
            tags.add(best);
        }
        tags.sort(Comparator.comparing(SegmentTag::strength)); // stable: branch order kept within a strength
        return tags;
    }

    /** The tag a matching rule gives, or {@code null} if the text contains one of its keyword exclusions. */
    private static SegmentTag evaluate(Catalog catalog, Hit hit, SearchText text) {
        Rule rule = hit.candidate().rule();
        for (KeywordTerm exclusion : rule.exclusionTerms()) {
            if (exclusion.occursIn(text)) {
                return null;
            }
        }
        String keyword = null;
        for (KeywordTerm term : rule.terms()) {
            if (term.occursIn(text)) {
                keyword = term.term();
                break;
            }
        }
        TagStrength strength = keyword != null || rule.fullCoverage()
                ? TagStrength.KEYWORD_CONFIRMED : TagStrength.IPC_ONLY;
        Branch branch = hit.candidate().branch();
        return new SegmentTag(catalog, branch.code(), branch.name(), branch.parentName(), strength,
                new TagEvidence(rule.index(), hit.pattern().text(), hit.code(), keyword));
    }
}
