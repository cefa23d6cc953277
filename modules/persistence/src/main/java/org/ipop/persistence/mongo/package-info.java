/** The MongoDB client: one per application, configured from MicroProfile Config or the embedded default. */
package org.ipop.persistence.mongo;
