package org.lotflow.security;

/**
 * A refusal by one of the engine-surface rules ({@link JobCalls}, {@link IdentityCalls}): the HTTP status, the
 * problem's title, the field it names (or null) and the sentence a QA person reads. {@link EngineSurfaceGuard}
 * writes it as RFC 9457 problem+json.
 */
record SurfaceRefusal(int status, String title, String field, String detail) {
}
