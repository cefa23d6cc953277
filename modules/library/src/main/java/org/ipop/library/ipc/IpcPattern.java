package org.ipop.library.ipc;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of IPC codes as the CNIPA concordance tables write it. A trailing {@code *} means "this symbol and
 * everything below it"; a symbol without {@code *} that names a subgroup means that one group exactly:
 *
 * <table>
 * <caption>Pattern forms</caption>
 * <tr><th>written</th><th>{@link Scope}</th><th>covers</th></tr>
 * <tr><td>{@code C08*}</td><td>CLASS</td><td>every code of class C08</td></tr>
 * <tr><td>{@code B41J*}</td><td>SUBCLASS</td><td>every code of subclass B41J</td></tr>
 * <tr><td>{@code B60L8*}, {@code E21F15/00*}</td><td>MAIN_GROUP</td><td>{@code B60L8/00} and all its subgroups
 *     ({@code B60L8/003}), but not {@code B60L80/00}</td></tr>
 * <tr><td>{@code E02D17/20*}</td><td>SUBGROUP_TREE</td><td>subgroups of main group 17 whose digits start with
 *     {@code 20}: {@code 17/20}, {@code 17/202}, but not {@code 17/22}</td></tr>
 * <tr><td>{@code G06F9/44}, {@code G06N3/00}</td><td>EXACT</td><td>that group only: not {@code G06F9/445}</td></tr>
 * </table>
 *
 * <p>Two readings settle what the tables leave open. A main group with {@code /00*} ({@code E21F15/00*}) is the main
 * group and everything below it, i.e. all its subgroups — not only subgroups spelled {@code 00…}. A symbol printed
 * without subgroup and without {@code *} ({@code G16H}, {@code H03M13} in the SEI table) can only mean the whole
 * subclass or main group, and is read so.
 *
 * <p>"Everything below" a subgroup is approximated by its digits ({@code 20} → {@code 20…}): the IPC's real hierarchy
 * under a subgroup is given by dots in the scheme, which these tables do not carry. Codes are compared field by field
 * (section, class, subclass, main group as a number, subgroup), never as strings.
 */
public final class IpcPattern {

    /** How much of the IPC tree a pattern covers. */
    public enum Scope { CLASS, SUBCLASS, MAIN_GROUP, SUBGROUP_TREE, EXACT }

    private static final Pattern SYNTAX =
            Pattern.compile("([A-H])(\\d{2})(?:([A-Z])(?:(\\d{1,4})(?:/(\\d{2,6}))?)?)?(\\*)?");

    private final String text;
    private final Scope scope;
    private final char section;
    private final int clazz;
    private final char subclass;
    private final int group;
    private final String subgroup;

    private IpcPattern(String text, Scope scope, char section, int clazz, char subclass, int group,
                       String subgroup) {
        this.text = text;
        this.scope = scope;
        this.section = section;
        this.clazz = clazz;
        this.subclass = subclass;
        this.group = group;
        this.subgroup = subgroup;
    }

    /**
     * Reads a concordance pattern such as {@code B60L8*}, {@code E02D17/20*} or {@code G06F9/44}.
     *
     * @throws IllegalArgumentException if the text is not one of the forms described above
     */
    public static IpcPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = IpcCode.normalize(text).replaceAll("\\s+", "");
        Matcher m = SYNTAX.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPC pattern: expected a class (C08*), "
                    + "subclass (B41J*), main group (B60L8*) or group (G06F9/44, E02D17/20*)");
        }
        char section = s.charAt(0);
        int clazz = Integer.parseInt(m.group(2));
        if (m.group(3) == null) {
            return new IpcPattern(s, Scope.CLASS, section, clazz, ' ', 0, "");
        }
        char subclass = m.group(3).charAt(0);
        if (m.group(4) == null) {
            return new IpcPattern(s, Scope.SUBCLASS, section, clazz, subclass, 0, "");
        }
        int group = Integer.parseInt(m.group(4));
        String subgroup = m.group(5);
        boolean wildcard = m.group(6) != null;
        if (subgroup == null || (wildcard && subgroup.equals("00"))) {
            return new IpcPattern(s, Scope.MAIN_GROUP, section, clazz, subclass, group, "");
        }
        return new IpcPattern(s, wildcard ? Scope.SUBGROUP_TREE : Scope.EXACT, section, clazz, subclass, group,
                IpcCode.normalizeSubgroup(subgroup));
    }

    /** Whether {@code code} lies in this range, comparing section, class, subclass, main group and subgroup. */
    public boolean matches(IpcCode code) {
        return code.section() == section && code.clazz() == clazz && switch (scope) {
            case CLASS -> true;
            case SUBCLASS -> code.subclass() == subclass;
            case MAIN_GROUP -> sameMainGroup(code);
            case SUBGROUP_TREE -> sameMainGroup(code) && code.subgroup().startsWith(subgroup);
            case EXACT -> sameMainGroup(code) && code.subgroup().equals(subgroup);
        };
    }

    private boolean sameMainGroup(IpcCode code) {
        return code.subclass() == subclass && code.group() == group;
    }

    /** The pattern as written in the table, without spaces: {@code B60L8*}. */
    public String text() {
        return text;
    }

    public Scope scope() {
        return scope;
    }

    /**
     * The widest symbol every covered code starts with, for indexing: the class ({@code C08}) for a class pattern,
     * otherwise the subclass ({@code B60L}). Compare with {@link IpcCode#classSymbol()} and
     * {@link IpcCode#subclassSymbol()}.
     */
    public String indexSymbol() {
        String classSymbol = section + (clazz < 10 ? "0" : "") + clazz;
        return scope == Scope.CLASS ? classSymbol : classSymbol + subclass;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpcPattern pattern && scope == pattern.scope && section == pattern.section
                && clazz == pattern.clazz && subclass == pattern.subclass && group == pattern.group
                && subgroup.equals(pattern.subgroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, section, clazz, subclass, group, subgroup);
    }

    @Override
    public String toString() {
        return text;
    }
}
