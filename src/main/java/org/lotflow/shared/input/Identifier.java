package org.lotflow.shared.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;


import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** After {@link InputRules#identifier}, with its words. */
@Documented
@Constraint(validatedBy = Identifier.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    String message() default "is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link InputRules#identifier}. */
    class Validator implements ConstraintValidator<Identifier, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Rules.report(InputRules.identifier(value), context);
        }
    }
}
