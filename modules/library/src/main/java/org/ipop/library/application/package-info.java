/** The library's use cases: importing inventories in the background, analysing patents, keeping the search index. */
package org.ipop.library.application;
