/** Reading and validating tenant descriptors (JSON), collecting every error with the file and field it is in. */
package org.ipop.tenancy.descriptor;
