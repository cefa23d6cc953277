/** The registry's rules: what makes an enterprise profile or a demand valid. Internal to the module. */
package org.ipop.enterprises.domain;
