package org.ipop.library.tagging;

import org.ipop.library.ipc.IpcCode;

/**
 * Why a tag was given: which rule of the branch matched, through which of its IPC patterns and which of the patent's
 * codes, and the keyword that confirmed it.
 *
 * @param ruleIndex position of the rule within its branch in the table, counted from 0
 * @param pattern   the rule's IPC pattern that covers the code, as written in the table ({@code H04N5*})
 * @param code      the patent's IPC code that matched
 * @param keyword   the keyword term found in the patent's text, or {@code null} when none was (an IPC-only tag) or
 *                  none is needed (a green-tech 全部涉及 rule)
 */
public record TagEvidence(int ruleIndex, String pattern, IpcCode code, String keyword) {
}
