package org.ipop.library.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ipop.library.ipc.IpcCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ten real patents of {@code shared/data/samples/cn-patent-export/patents.csv}, tagged with the SEI 2021
 * catalog. The expected branches were worked out by hand from {@code sei-2021-ipc.json}:
 * <ul>
 * <li>B64U (drones) was created in 2023 and is not in the 2021 table, so the drone box gets no SEI tag.</li>
 * <li>The camera's H04N5/* codes are excluded from 1.1 rule 1 (H04N* 不含 H04N5*) but covered by 8.1 rule 1
 *     (H04N5*), whose phrase 高清/超高清广播电视制播设备 yields the term 高清, found in 高清摄像头模组; H02J7/00 falls
 *     under 5.3 rule 3 (H02J7*), whose 充电桩 terms are absent.</li>
 * <li>B64C39, B64C25, B64D1, B64D47 are in 2.2 rule 1, whose only "keyword" is the note 不包括航天相关设备制造, so
 *     never confirmed; H04N7/18 is excluded from 1.1 (H04N7*) and covered by 8.1 (no 高清 or 视频监控 in the text);
 *     G01S19/14 is in 2.3 rule 0, which has no keywords.</li>
 * <li>The two air-monitoring patents: G01N15/06 is excluded from 3.7 rule 1 (G01N15* 不含 G01N15/06) but listed
 *     exactly in 7.2 rule 12 (环境监测专用仪器仪表…, not in the text); G01N33/00 is in 4.4 rule 2 (G01N33*, biomass
 *     terms absent).</li>
 * <li>The keyword-extraction patent: G06F40/* is excluded from 1.1 rule 1 (G06F* 不含 G06F40*) but its G06F16/901
 *     is not, so 1.1 applies through that code; 1.5 rule 0 covers G06F40* without keywords.</li>
 * <li>G06F18/2321 is only under 1.1 rule 1's G06F*; H04L9/40 only under 1.3 rule 3 (H04L9*, blockchain terms
 *     absent). H04L43 and H04L67 (2022 codes) are in no SEI rule.</li>
 * </ul>
 */
class SamplePatentsTaggingTest {

    private static final Map<String, CSVRecord> PATENTS = new HashMap<>();

    @BeforeAll
    static void readSamples() throws IOException {
        // The module's copy of shared/data/samples/cn-patent-export/patents.csv (see its README).
        try (Reader csv = new InputStreamReader(SamplePatentsTaggingTest.class.getResourceAsStream(
                "/org/ipop/library/demo/patents.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
                PATENTS.put(row.get("申请号"), row);
            }
        }
        assertEquals(10, PATENTS.size());
    }

    /** Expected SEI tags as {@code branch:strength}, C = keyword-confirmed, I = IPC only, in the tagger's order. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "CN202223220665.2 | 无人机机载多功能盒         | ''",
            "CN202122975192.6 | 语音播报端测摄像头         | 8.1:C 5.3:I",
            "CN202121635235.X | 无人机巡检系统             | 2.2:I 8.1:I",
            "CN202121635426.6 | 大气质量监测系统           | 4.4:I 7.2:I",
            "CN202121741650.3 | 无人机空气污染物溯源系统   | 4.4:I 7.2:I",
            "CN202121762003.0 | 用于清除垃圾的无人机       | 2.2:I",
            "CN202121751980.0 | 搭载热成像的农作物监管无人机 | 2.2:I 2.3:I",
            "CN202211740332.4 | 基于图模型的新闻关键词抽取 | 1.1:I 1.5:I",
            "CN202310605823.6 | 人员聚集发现算法           | 1.1:I",
            "CN202211359874.7 | web端数据通用采集方法      | 1.3:I"})
    void sample_patent_gets_the_sei_branches_its_codes_and_text_call_for(String applicationNumber, String title,
                                                                          String expected) {
        CSVRecord patent = PATENTS.get(applicationNumber);
        List<String> codes = IpcCode.parseList(patent.get("分类号")).stream().map(IpcCode::canonical).toList();

        List<SegmentTag> tags = SegmentTagger.standard().tag(codes, patent.get("专利名称"), patent.get("申请摘要"),
                patent.get("主权项"));

        assertEquals(expected, String.join(" ", tags.stream().filter(tag -> tag.catalog() == Catalog.SEI_2021)
                .map(tag -> tag.branchCode() + ":" + (tag.strength() == TagStrength.KEYWORD_CONFIRMED ? "C" : "I"))
                .toList()), title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CN202122975192.6 | 8.1 | H04N5/225  | H04N5* | 高清",
            "CN202211740332.4 | 1.1 | G06F16/901 | G06F*  | ''"})
    void evidence_names_the_first_covered_code_and_the_confirming_keyword(String applicationNumber, String branch,
                                                                          String code, String pattern, String keyword) {
        CSVRecord patent = PATENTS.get(applicationNumber);
        SegmentTag tag = SegmentTagger.standard().tag(IpcCode.parseList(patent.get("分类号")),
                        patent.get("专利名称") + "\n" + patent.get("申请摘要") + "\n" + patent.get("主权项"))
                .stream().filter(each -> each.catalog() == Catalog.SEI_2021 && each.branchCode().equals(branch))
                .findFirst().orElseThrow();

        assertEquals(new TagEvidence(1, pattern, IpcCode.parse(code), keyword.isEmpty() ? null : keyword),
                tag.evidence());
    }
}
