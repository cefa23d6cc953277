package org.ipop.library;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a patent can still be the object of a deal: available, already transferred (assigned to someone else), or
 * under an exclusive licence in force. Only available patents are matched, pushed or published; the transactions
 * capability will set this from the deals it records, operators set it today.
 */
public enum DealStatus {
    AVAILABLE("可交易"),
    TRANSFERRED("已转让"),
    EXCLUSIVE_LICENCE("独占许可中");

    private final String chinese;

    DealStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<DealStatus> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(status -> status.name().equalsIgnoreCase(text.strip())).findFirst();
    }
}
