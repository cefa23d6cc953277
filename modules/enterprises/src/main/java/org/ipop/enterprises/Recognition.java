package org.ipop.enterprises;

import java.util.Arrays;
import java.util.Optional;

/** Public recognitions of an enterprise that matching and campaigns use as priors and targets. */
public enum Recognition {
    SPECIALIZED_SME("专精特新中小企业", "专精特新"),
    LITTLE_GIANT("专精特新“小巨人”企业", "小巨人"),
    HIGH_TECH("高新技术企业", "高新"),
    TECH_SME("科技型中小企业", "科技型中小");

    private final String chinese;
    private final String shortName;

    Recognition(String chinese, String shortName) {
        this.chinese = chinese;
        this.shortName = shortName;
    }

    public String chinese() {
        return chinese;
    }

    /** Reads the code ({@code LITTLE_GIANT}) or the Chinese name, full or short (小巨人). */
    public static Optional<Recognition> parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(value) || r.chinese.equals(value)
                || value.contains(r.shortName)).findFirst();
    }
}
