/**
 * Matching's MongoDB collections in each tenant database: {@code campaigns}, {@code campaign_matches} (a run's
 * results) and {@code inbox} (what was pushed to each enterprise, and its answer). Internal to the module.
 */
package org.ipop.matching.persistence;
