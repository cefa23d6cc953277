package org.ipop.library.valuation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;

/**
 * The formula of every {@link ValueIndicator}, applied to one patent as of one date.
 *
 * <p>Each formula maps its input onto 0–100 with a saturating curve — {@code 100 × (1 − e^(−x/k))} for counts,
 * {@code 100 × min(1, x/cap)} for durations — so that one exceptional figure (forty citations, ten transfers) lifts
 * its indicator to the top but cannot carry the total on its own. Where the platform lacks a qualitative input, or
 * the input says nothing either way, the indicator gives the neutral 50; where a count is missing it is taken as 0,
 * since the platform has no evidence of the event.
 */
final class IndicatorFormulas {

    /** What one indicator read, in words for the user, and the score it gives. */
    record Reading(String rawInput, double score) {
    }

    private static final double NEUTRAL = 50;

    /** Remaining years at which the remaining term earns full marks: more term adds little to a deal's horizon. */
    private static final double FULL_TERM_YEARS = 15;
    /** First claims of this many characters or fewer earn full marks for breadth… */
    private static final int SHORT_CLAIM = 100;
    /** …and of this many or more the floor: a long claim still protects something, just narrowly. */
    private static final int LONG_CLAIM = 800;
    private static final double CLAIM_FLOOR = 20;
    /** Designs filed from this day on are protected for 15 years instead of 10 (专利法 2020, 第四十二条). */
    private static final LocalDate DESIGN_TERM_EXTENDED = LocalDate.of(2021, 6, 1);

    private static final Pattern CLAIM_NUMBER = Pattern.compile("^\\s*1\\s*[.、．]\\s*");
    private static final Pattern REFERENCE_NUMERAL = Pattern.compile("[（(]\\s*\\d+[a-zA-Z]?\\s*[）)]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern IPC_SUBCLASS = Pattern.compile("[A-H]\\d{2}[A-Z]");
    private static final Set<String> EMPTY_MARKERS = Set.of("", "0", "-", "—", "无");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final PatentRecord patent;
    private final ValuationInputs inputs;
    private final Optional<LocalDate> termEnd;
    private final Optional<LocalDate> recordedLapse;
    private final LegalStatus exportedStatus;
    /** The exported status, overruled by the dates: an export is a snapshot, the valuation date may be later. */
    private final LegalStatus status;

    IndicatorFormulas(PatentRecord patent, ValuationInputs inputs) {
        this.patent = patent;
        this.inputs = inputs;
        this.termEnd = termEnd(patent);
        this.recordedLapse = date(patent.extra().get("失效日期"));
        this.exportedStatus = LegalStatus.read(patent.legalStatus());
        this.status = exportedStatus != LegalStatus.LAPSED && (ended(termEnd) || ended(recordedLapse))
                ? LegalStatus.LAPSED : exportedStatus;
    }

    Reading read(ValueIndicator indicator) {
        return switch (indicator) {
            case LEGAL_STATUS -> legalStatus();
            case REMAINING_TERM -> remainingTerm();
            case PATENT_TYPE -> patentType();
            case CLAIM_BREADTH -> claimBreadth();
            case INVALIDATION_HISTORY -> invalidationHistory();
            case IPC_BREADTH -> ipcBreadth();
            // Counts saturate at different speeds: a few forward citations are already notable for a Chinese
            // patent (k = 4), and a single transfer, licence or pledge shows that someone paid for the patent or
            // lent against it (k = 1.5: one event 49, two 74, three 86).
            case FORWARD_CITATIONS -> count("被引证", patent.citations(), 4);
            case FAMILY_SIZE -> familySize();
            case GOVERNMENT_FUNDING -> governmentFunding();
            case TRANSFERS -> count("转让", patent.transfers(), 1.5);
            case LICENCES -> count("许可", patent.licences(), 1.5);
            case PLEDGES -> count("质押", patent.pledges(), 1.5);
            case ENTERPRISE_FEEDBACK -> enterpriseFeedback();
            case APPLICANT_TYPE -> applicantType();
        };
    }

    /** In force 100, partly invalidated 70, pending or unknown 50, no right 0. */
    private Reading legalStatus() {
        String exported = patent.legalStatus() == null || patent.legalStatus().isBlank() ? "法律状态未知"
                : patent.legalStatus().strip();
        String overruled = status == exportedStatus ? "" : "（" + lapseReason() + "）";
        double score = switch (status) {
            case IN_FORCE -> 100;
            case PARTIALLY_INVALIDATED -> 70;
            case PENDING, UNKNOWN -> NEUTRAL;
            case LAPSED -> 0;
        };
        return new Reading(exported + overruled, score);
    }

    /**
     * {@code 100 × min(1, years left / 15)}, counted from the filing date (invention 20 years, utility model 10,
     * design 15 — 10 if filed before 2021-06-01) to the valuation date; 0 once the right is gone, whatever the
     * dates say. Term extensions (专利权期限补偿) are not known to the platform and not counted.
     */
    private Reading remainingTerm() {
        if (status == LegalStatus.LAPSED) {
            return new Reading("已无权，剩余保护期 0 年", 0);
        }
        if (termEnd.isEmpty()) {
            return new Reading("缺少申请日或专利类型，无法计算剩余保护期", NEUTRAL);
        }
        double years = Math.max(0, ChronoUnit.DAYS.between(inputs.asOf(), termEnd.get()) / 365.25);
        return new Reading(String.format(Locale.ROOT, "剩余保护期 %.1f 年（至 %s）", years, termEnd.get()),
                100 * Math.min(1, years / FULL_TERM_YEARS));
    }

    /**
     * Invention 100: the only kind granted after substantive examination, hence the most likely to survive a
     * challenge; utility model 60 and design 50, granted after a formal examination only. An invention application
     * still in examination has not passed it yet — it may be narrowed or rejected — so it is neutral.
     */
    private Reading patentType() {
        PatentType type = patent.type();
        if (type == null) {
            return new Reading("专利类型未知", NEUTRAL);
        }
        if (type == PatentType.INVENTION && status == LegalStatus.PENDING) {
            return new Reading("发明申请（审查中，尚未授权）", NEUTRAL);
        }
        return switch (type) {
            case INVENTION -> new Reading("发明（经实质审查）", 100);
            case UTILITY_MODEL -> new Reading("实用新型（仅初步审查）", 60);
            case DESIGN -> new Reading("外观设计（仅初步审查）", 50);
        };
    }

    /**
     * Every feature an independent claim adds narrows it, so a shorter first claim protects more:
     * {@code 100 − 80 × clamp((characters − 100) / 700, 0, 1)}, counting characters without the claim number,
     * reference numerals such as （12） and whitespace. A design has no claims: neutral.
     */
    private Reading claimBreadth() {
        if (patent.type() == PatentType.DESIGN) {
            return new Reading("外观设计无权利要求", NEUTRAL);
        }
        if (patent.firstClaim() == null || patent.firstClaim().isBlank()) {
            return new Reading("无首项权利要求文本", NEUTRAL);
        }
        String claim = CLAIM_NUMBER.matcher(patent.firstClaim()).replaceFirst("");
        claim = WHITESPACE.matcher(REFERENCE_NUMERAL.matcher(claim).replaceAll("")).replaceAll("");
        int length = claim.codePointCount(0, claim.length());
        double excess = Math.clamp((length - SHORT_CLAIM) / (double) (LONG_CLAIM - SHORT_CLAIM), 0, 1);
        return new Reading("首项权利要求 " + length + " 字", 100 - (100 - CLAIM_FLOOR) * excess);
    }

    /**
     * Reads {@code 无效宣告日期}. No record 60: presumed valid but untested. A patent still wholly in force after an
     * invalidation decision 100 (its validity has been tested, and someone found it worth attacking); partly
     * invalidated or with an unclear outcome 40; no right after it 0.
     */
    private Reading invalidationHistory() {
        String recorded = patent.extra().getOrDefault("无效宣告日期", "").strip();
        if (EMPTY_MARKERS.contains(recorded)) {
            return new Reading("未见无效宣告记录", 60);
        }
        String prefix = "无效宣告日期 " + recorded + "，";
        return switch (status) {
            case IN_FORCE -> new Reading(prefix + "经无效宣告仍全部有效", 100);
            case LAPSED -> new Reading(prefix + "现已无权", 0);
            case PARTIALLY_INVALIDATED, PENDING, UNKNOWN -> new Reading(prefix + "部分无效或结果不明", 40);
        };
    }

    /**
     * {@code 100 × (1 − e^(−n/2))} for n distinct IPC subclasses (the first four characters, such as B64U) among
     * the main and other classification codes: a patent classified in several subclasses applies in several fields.
     */
    private Reading ipcBreadth() {
        Set<String> subclasses = Stream.concat(Stream.ofNullable(patent.mainIpc()), patent.ipcCodes().stream())
                .map(code -> code.strip().toUpperCase(Locale.ROOT))
                .filter(code -> code.length() >= 4 && IPC_SUBCLASS.matcher(code.substring(0, 4)).matches())
                .map(code -> code.substring(0, 4))
                .collect(Collectors.toCollection(TreeSet::new));
        if (subclasses.isEmpty()) {
            return new Reading("无 IPC 分类号", 0);
        }
        return new Reading("IPC 小类 " + subclasses.size() + " 个：" + String.join("、", subclasses),
                saturating(subclasses.size(), 2));
    }

    /**
     * {@code 100 × (1 − e^(−m/3))} for m family members besides the patent itself ({@code familySize − 1}):
     * protection sought abroad or in several filings is costly, so applicants do it for what they value.
     */
    private Reading familySize() {
        int others = Math.max(0, patent.familySize() - 1);
        if (others == 0) {
            return new Reading("无其他同族专利", 0);
        }
        return new Reading("同族 " + patent.familySize() + " 件（本件之外 " + others + " 件）", saturating(others, 3));
    }

    /**
     * A declared government-funded result 100: it came out of a reviewed research project. Without the declaration
     * neutral 50, since its absence says nothing against the technology.
     */
    private Reading governmentFunding() {
        if (!patent.governmentFunded()) {
            return new Reading("无财政资助声明", NEUTRAL);
        }
        String programme = patent.fundingProgramme() == null || patent.fundingProgramme().isBlank() ? ""
                : "：" + patent.fundingProgramme().strip();
        return new Reading("财政资助科研成果" + programme, 100);
    }

    /**
     * {@code 50 + 50 × tanh((interested − not relevant) / 3)}: no feedback, or as much for as against, is neutral;
     * three net answers either way move the score about 38 points.
     */
    private Reading enterpriseFeedback() {
        int net = inputs.interestedCount() - inputs.notRelevantCount();
        return new Reading("感兴趣 " + inputs.interestedCount() + " 家，不相关 " + inputs.notRelevantCount() + " 家",
                NEUTRAL + 50 * Math.tanh(net / 3.0));
    }

    /**
     * Enterprise 70: enterprises' patents are implemented far more often than institutions' (CNIPA's annual
     * patent survey). Universities and research institutes — most of the library — are neutral, so the indicator
     * does not count against the patents the library exists to promote; individuals and others are neutral too.
     */
    private Reading applicantType() {
        ApplicantType type = patent.applicantType();
        if (type == null) {
            return new Reading("权利人类型未知", NEUTRAL);
        }
        return new Reading(type.chinese(), type == ApplicantType.ENTERPRISE ? 70 : NEUTRAL);
    }

    /** {@code 100 × (1 − e^(−n/k))} of a count of market or citation events; none is 0. */
    private static Reading count(String event, int n, double k) {
        int events = Math.max(0, n);
        return new Reading(event + " " + events + " 次", saturating(events, k));
    }

    private static double saturating(double x, double k) {
        return 100 * (1 - Math.exp(-x / k));
    }

    private String lapseReason() {
        if (ended(recordedLapse)) {
            return "失效日期 " + recordedLapse.get();
        }
        return "按申请日计已于 " + termEnd.orElseThrow() + " 届满";
    }

    private boolean ended(Optional<LocalDate> date) {
        return date.isPresent() && !date.get().isAfter(inputs.asOf());
    }

    private static Optional<LocalDate> termEnd(PatentRecord patent) {
        if (patent.filingDate() == null || patent.type() == null) {
            return Optional.empty();
        }
        int years = switch (patent.type()) {
            case INVENTION -> 20;
            case UTILITY_MODEL -> 10;
            case DESIGN -> patent.filingDate().isBefore(DESIGN_TERM_EXTENDED) ? 10 : 15;
        };
        return Optional.of(patent.filingDate().plusYears(years));
    }

    /** Export dates come as 20240131, 2024-01-31, 2024.01.31 or 2024/01/31; 0 or empty means none. */
    private static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replaceAll("[-./]", "");
        if (EMPTY_MARKERS.contains(digits)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(digits, COMPACT_DATE));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
