/** Matching's REST resources: {@code /api/matching/…} for operators, {@code /api/inbox} for enterprises. */
package org.ipop.matching.web;
