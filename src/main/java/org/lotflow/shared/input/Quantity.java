package org.lotflow.shared.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A quantity in the product's unit, after {@link InputRules#quantity}. */
@Documented
@Constraint(validatedBy = Quantity.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Quantity {

    /** Whether 0 is a valid value (a count that may be empty, e.g. a quantity returned). */
    boolean zeroAllowed() default false;

    String message() default "is not a quantity";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link InputRules#quantity}, with its words. */
    class Validator implements ConstraintValidator<Quantity, BigDecimal> {
        private boolean zeroAllowed;

        @Override
        public void initialize(Quantity annotation) {
            zeroAllowed = annotation.zeroAllowed();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return Rules.report(InputRules.quantity(value, zeroAllowed), context);
        }
    }
}
