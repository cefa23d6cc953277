package org.ipop.library.tagging;

/** The CNIPA IPC concordance catalogs the platform tags with, in the order tags are listed. */
public enum Catalog {
    SEI_2021("战略性新兴产业分类与国际专利分类参照关系表（2021）", "sei-2021-ipc.json"),
    KEY_DIGITAL_2023("关键数字技术专利分类体系（2023）", "key-digital-tech-2023-ipc.json"),
    XINSANYANG_2024("“新三样”相关技术专利分类体系（2024）", "xinsanyang-2024-ipc.json"),
    GREEN_TECH("绿色技术专利分类体系", "green-tech-ipc.json");

    private final String chineseName;
    private final String fileName;

    Catalog(String chineseName, String fileName) {
        this.chineseName = chineseName;
        this.fileName = fileName;
    }

    /** The catalog's official title, e.g. 关键数字技术专利分类体系（2023）. */
    public String chineseName() {
        return chineseName;
    }

    /** Classpath location of the catalog's table. */
    public String resource() {
        return "/org/ipop/library/concordance/" + fileName;
    }
}
