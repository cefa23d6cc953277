/**
 * Reference data the whole platform applies: administrative divisions (6-digit region codes) and the official
 * industry classifications (the strategic-emerging-industry branches of the SEI 2021 concordance). Read-only,
 * loaded once from the jar; see PROVENANCE.md next to the files.
 */
package org.ipop.reference;
