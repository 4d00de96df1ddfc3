package org.lotflow.shared.input;

import jakarta.validation.ConstraintValidatorContext;

/** Hands a rule's reason to Bean Validation as the violation's message, word for word. */
final class Rules {

    private Rules() {
    }

    static boolean report(String reason, ConstraintValidatorContext context) {
        if (reason == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // escaped: the reason is plain text, not a message template
        context.buildConstraintViolationWithTemplate(reason.replace("\\", "\\\\").replace("{", "\\{")
                .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}
