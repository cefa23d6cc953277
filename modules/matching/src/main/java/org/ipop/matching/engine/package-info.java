/**
 * The matching engine, pure Java: candidate generation by industry segment, IPC subclass and text, BM25 over
 * character bigrams, priors, and the explanation of every match. Internal to the module.
 */
package org.ipop.matching.engine;
