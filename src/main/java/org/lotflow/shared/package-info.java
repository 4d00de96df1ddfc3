/**
 * Cross-cutting pieces every feature uses: the application clock, RFC 9457 problem
 * responses and request limits.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lotflow.shared;
