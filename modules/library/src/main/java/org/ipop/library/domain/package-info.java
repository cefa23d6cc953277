/** The library's rules: the screening workflow of a patent, independent of storage and web. */
package org.ipop.library.domain;
