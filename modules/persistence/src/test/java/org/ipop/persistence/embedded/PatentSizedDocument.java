package org.ipop.persistence.embedded;

import java.util.List;
import org.bson.Document;

/** A document of the size and shape of a patent record (about 1.4 KB of BSON), for store tests and benchmarks. */
final class PatentSizedDocument {

    private static final String ABSTRACT = "本发明公开了一种水电站高压输电线路驱鸟保护装置，包括支架、驱鸟机构和控制模块，"
            .repeat(6);

    private PatentSizedDocument() {
    }

    static Document number(int n) {
        return new Document("_id", "CN" + n)
                .append("applicationNumber", String.format("CN2022%08d.%d", n, n % 10))
                .append("title", "一种水电站高压输电线路驱鸟保护装置" + n)
                .append("abstract", ABSTRACT)
                .append("applicants", List.of("华中科技大学", "武汉大学"))
                .append("inventors", List.of("张三", "李四", "王五"))
                .append("ipc", List.of("H02G1/00", "A01M29/16", "H02J13/00"))
                .append("filingDate", 20220101 + n % 365)
                .append("legalStatus", "有效")
                .append("province", "420000")
                .append("transfers", n % 3)
                .append("reviewed", false);
    }
}
