package org.ipop.library;

import java.util.Optional;

/** The three kinds of Chinese patent. The fifth digit of a 12-digit CN application number encodes it (1/8, 2/9, 3). */
public enum PatentType {
    INVENTION("发明"),
    UTILITY_MODEL("实用新型"),
    DESIGN("外观设计");

    private final String chinese;

    PatentType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Reads 发明 / 发明专利 / 发明授权 / 实用新型 / 外观设计 and the English names (invention, utility model, design). */
    public static Optional<PatentType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (value.startsWith("发明") || value.equals("invention")) {
            return Optional.of(INVENTION);
        }
        if (value.startsWith("实用新型") || value.equals("utility model") || value.equals("utility")) {
            return Optional.of(UTILITY_MODEL);
        }
        if (value.startsWith("外观") || value.equals("design")) {
            return Optional.of(DESIGN);
        }
        return Optional.empty();
    }
}
