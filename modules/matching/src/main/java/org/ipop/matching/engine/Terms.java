package org.ipop.matching.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The terms texts are compared by: overlapping pairs of Han characters (一种储氢装置 → 一种 种储 储氢 氢装 装置),
 * without the pairs that every patent title has (一种, 及其, 方法…), and Latin words and numbers as lower-case words.
 * Bigrams need no dictionary and find a technical term inside a longer compound, which word segmentation does not.
 */
public final class Terms {

    /** Pairs that say nothing about the technology (measured: they top the document frequencies of the titles). */
    private static final Set<String> STOP = Set.of("一种", "及其", "方法", "装置", "系统", "设备", "用的", "用于",
            "基于", "其特", "特征", "征在", "在于", "包括", "所述", "本发", "发明", "明公", "公开", "一个", "以及",
            "及一", "一体", "结构", "制备", "备方", "其制", "的制", "种用", "种基", "种新", "新型", "型的", "的装",
            "的方", "的系", "方法及");

    private Terms() {
    }

    /** The terms of a text with their counts. */
    public static Map<String, Integer> of(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text == null) {
            return counts;
        }
        int length = text.length();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isHan(c)) {
                flush(latin, counts);
                if (i + 1 < length && isHan(text.charAt(i + 1))) {
                    String pair = text.substring(i, i + 2);
                    if (!STOP.contains(pair)) {
                        counts.merge(pair, 1, Integer::sum);
                    }
                }
            } else if (Character.isLetterOrDigit(c)) {
                latin.append(Character.toLowerCase(c));
            } else {
                flush(latin, counts);
            }
        }
        flush(latin, counts);
        return counts;
    }

    private static void flush(StringBuilder latin, Map<String, Integer> counts) {
        if (latin.length() >= 2) {
            counts.merge(latin.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        latin.setLength(0);
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
