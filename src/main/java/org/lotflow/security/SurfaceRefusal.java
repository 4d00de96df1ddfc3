package org.lotflow.security;

/**
 * A refusal by one of the engine-surface rules ({@link JobCalls}, {@link IdentityCalls}): the HTTP status, the
 * problem's title, the field it names (or null) and the sentence a QA person reads. {@link EngineSurfaceGuard}
 * writes it as RFC 9457 problem+json.
 */
record SurfaceRefusal(int status, String title, String field, String detail) {

    /** Writes a refusal as RFC 9457 problem+json. */
    static void refuse(jakarta.servlet.http.HttpServletResponse response, int status, String title, String field,
            String detail) throws java.io.IOException {
        org.lotflow.shared.Problems.write(response, status, title, detail, field);
    }

    /** Writes a rule's refusal, if any; whether it did. */
    static boolean refused(jakarta.servlet.http.HttpServletResponse response, SurfaceRefusal refusal)
            throws java.io.IOException {
        if (refusal == null) {
            return false;
        }
        refuse(response, refusal.status(), refusal.title(), refusal.field(), refusal.detail());
        return true;
    }
}
