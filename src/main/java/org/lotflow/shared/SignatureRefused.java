package org.lotflow.shared;

/**
 * An electronic signature was not given (21 CFR 11.200, 11.300): nobody is signed in, the password
 * does not match the signer, or the signer is locked out after repeated failures. Property
 * {@code field} is {@code password} where the password was the problem.
 */
public class SignatureRefused extends Refusal {

    /** Why the signature was refused. */
    public enum Reason {
        /** no logged-in user to sign */
        NOT_SIGNED_IN,
        /** the password does not match the signer */
        WRONG_PASSWORD,
        /** too many failed attempts: the user is locked for a while */
        LOCKED_OUT
    }

    private final Reason reason;

    public SignatureRefused(Reason reason, String detail) {
        super(reason == Reason.LOCKED_OUT ? "Too many failed attempts" : "Signature refused", detail);
        this.reason = reason;
        if (reason != Reason.NOT_SIGNED_IN) {
            with("field", "password");
        }
    }

    public Reason reason() {
        return reason;
    }
}
