/**
 * The embedded default: a MongoDB-protocol server (mongo-java-server) running in-process on an H2 MVStore file,
 * configured so that every acknowledged write survives a crash of the process.
 */
package org.ipop.persistence.embedded;
