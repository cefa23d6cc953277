/**
 * Industry-segment tagging (按产业细分领域): assigns a patent to the branches of the CNIPA concordance catalogs —
 * strategic emerging industries 2021 (战略性新兴产业), key digital technologies 2023 (关键数字技术), the
 * "new three" 2024 (新三样) and green technology (绿色技术) — from its IPC codes, and says how sure the tag is:
 * confirmed by a keyword of the rule in the patent's text, or by IPC code alone.
 *
 * <p>{@link org.ipop.library.tagging.ConcordanceCatalog} loads one table from the classpath
 * ({@code /org/ipop/library/concordance/}), {@link org.ipop.library.tagging.SegmentTagger} applies all four, and
 * every {@link org.ipop.library.tagging.SegmentTag} carries the rule, pattern, code and keyword that produced it so
 * that a user can see why a patent was tagged.
 */
package org.ipop.library.tagging;
