/**
 * Matching and push (按产业细分领域向企业匹配推送): operators' campaigns that match the library's available patents to
 * the registered enterprises in scope, run in the background, are previewed and pushed into the enterprises'
 * inboxes; enterprises read and answer what was pushed, and their answers feed later matching. The root package is
 * the module's API; sub-packages are internal.
 */
package org.ipop.matching;
