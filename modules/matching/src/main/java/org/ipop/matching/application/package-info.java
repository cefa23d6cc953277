/** Matching's background work that is not a campaign run: the demo data of {@code ./ipop run}. */
package org.ipop.matching.application;
