/** Readiness: the platform serves requests only when MongoDB answers and the realm's signing keys can be fetched. */
package org.ipop.app.health;
