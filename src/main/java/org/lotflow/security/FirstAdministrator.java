package org.lotflow.security;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a database that has none (contract, "Other surfaces"): a deployment
 * without demo data (the {@code postgres} profile) gets its first login from the environment.
 *
 * <p>Properties (environment variables by Spring's relaxed binding):
 * <ul>
 * <li>{@code lotflow.admin.user} ({@code LOTFLOW_ADMIN_USER}): the user id, letters and digits
 * (Camunda's user id rule), at most 64;</li>
 * <li>{@code lotflow.admin.password} ({@code LOTFLOW_ADMIN_PASSWORD}): its password, which must pass
 * Camunda's default password policy (at least 10 characters with an upper-case letter, a lower-case
 * letter, a digit and a special character, and not containing the user id or name);</li>
 * <li>{@code lotflow.admin.first-name} / {@code lotflow.admin.last-name} (default {@code lotflow} /
 * {@code Administrator}): the printed name on its signatures.</li>
 * </ul>
 *
 * <p>Rules, checked by {@link IdentitySetup} at every start, under its cluster lock (so two nodes
 * starting together on one database create the user once: the second waits and then finds it):
 * <ul>
 * <li>an administrator (a member of {@code camunda-admin}) exists: nothing changes, whatever is
 * configured; an existing administrator's password is never overwritten, so the variables may stay
 * set across restarts;</li>
 * <li>none exists and one is configured: the user is created in {@code camunda-admin} (which may do
 * everything, the lotflow groups' actions included);</li>
 * <li>none exists, none is configured and the demo data is off: the start is refused with
 * {@link Refused} (one sentence, shown by {@link FirstAdministratorFailureAnalyzer}); with the demo
 * data on, its {@code demo} user is the administrator;</li>
 * <li>a configured password that fails the policy, a missing password, an invalid user id, or a user
 * id that already belongs to a user who is no administrator: the start is refused, naming the problem
 * (never the password, which is neither logged nor kept anywhere but Camunda's salted hash).</li>
 * </ul>
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");

    private final String userId;
    private final String password;
    private final String firstName;
    private final String lastName;
    private final boolean demoData;

    public FirstAdministrator(@Value("${lotflow.admin.user:}") String userId,
            @Value("${lotflow.admin.password:}") String password,
            @Value("${lotflow.admin.first-name:lotflow}") String firstName,
            @Value("${lotflow.admin.last-name:Administrator}") String lastName,
            @Value("${lotflow.demo-data:false}") boolean demoData) {
        this.userId = userId == null ? "" : userId.trim();
        this.password = password == null ? "" : password;
        this.firstName = firstName;
        this.lastName = lastName;
        this.demoData = demoData;
    }

    /** What {@link #ensure} did. */
    public enum Outcome {
        /** An administrator existed: nothing changed. */
        EXISTS,
        /** The configured administrator was created. */
        CREATED,
        /** None exists and none is configured, but the demo data will create its {@code demo}. */
        LEFT_TO_DEMO_DATA
    }

    /**
     * Creates the configured administrator when no administrator exists; refuses the start when none
     * exists and none can come. The {@code camunda-admin} group must exist. Runs without a caller
     * identity (no authorization checks), in the caller's transaction.
     *
     * @throws Refused when the start must be refused; nothing was created
     */
    public Outcome ensure(IdentityService identities) {
        if (identities.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0) {
            if (!userId.isEmpty() && identities.createUserQuery().userId(userId).memberOfGroup(Groups.ADMIN).count() == 0) {
                log.info("An administrator exists: lotflow.admin.user '{}' is not created", userId);
            }
            return Outcome.EXISTS;
        }
        if (userId.isEmpty()) {
            if (demoData) {
                return Outcome.LEFT_TO_DEMO_DATA;
            }
            throw new Refused("No administrator exists and none is configured: set LOTFLOW_ADMIN_USER and "
                    + "LOTFLOW_ADMIN_PASSWORD (properties lotflow.admin.user and lotflow.admin.password) to create "
                    + "the first one");
        }
        if (!USER_ID.matcher(userId).matches()) {
            throw new Refused("LOTFLOW_ADMIN_USER (lotflow.admin.user) must be 1 to 64 letters or digits");
        }
        if (password.isEmpty()) {
            throw new Refused("LOTFLOW_ADMIN_USER (lotflow.admin.user) is set but LOTFLOW_ADMIN_PASSWORD "
                    + "(lotflow.admin.password) is empty: the first administrator needs a password");
        }
        if (identities.createUserQuery().userId(userId).count() > 0) {
            throw new Refused("No administrator exists and LOTFLOW_ADMIN_USER (lotflow.admin.user) names the existing user '"
                    + userId + "', who is no administrator: lotflow does not change an existing user, so name a new user id");
        }
        User user = identities.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        String violations = policyViolations(identities, password, user);
        if (violations != null) {
            throw new Refused("LOTFLOW_ADMIN_PASSWORD (lotflow.admin.password) does not pass the password policy: "
                    + violations);
        }
        user.setPassword(password);
        identities.saveUser(user);
        identities.createMembership(userId, Groups.ADMIN);
        log.info("Created the first administrator '{}' (group {})", userId, Groups.ADMIN);
        return Outcome.CREATED;
    }

    /**
     * What {@code password} for {@code user} (null when unknown) breaks of Camunda's default password policy, as a
     * sentence ("at least 10 characters, at least 1 digit(s)"), or null when it passes. The first administrator's
     * password and every password set over HTTP ({@link EngineSurfaceGuard}) pass this one check.
     */
    static String policyViolations(IdentityService identities, String password, User user) {
        PasswordPolicyResult check = user == null
                ? identities.checkPasswordAgainstPolicy(new DefaultPasswordPolicyImpl(), password)
                : identities.checkPasswordAgainstPolicy(new DefaultPasswordPolicyImpl(), password, user);
        return check.isValid() ? null : check.getViolatedRules().stream().map(FirstAdministrator::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(org.camunda.bpm.engine.identity.PasswordPolicyRule rule) {
        String placeholder = rule.getPlaceholder();
        java.util.Map<String, String> p = rule.getParameters() == null ? java.util.Map.of() : rule.getParameters();
        return switch (placeholder) {
            case "PASSWORD_POLICY_LENGTH" -> "at least " + p.getOrDefault("minLength", "10") + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "at least " + p.getOrDefault("minLowerCase", "1") + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "at least " + p.getOrDefault("minUpperCase", "1") + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "at least " + p.getOrDefault("minDigit", "1") + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "at least " + p.getOrDefault("minSpecial", "1") + " special character(s)";
            case "PASSWORD_POLICY_USER_DATA" -> "not containing the user id or name";
            default -> placeholder;
        };
    }

    /**
     * The start is refused: no administrator exists and none can be created from the configuration.
     * The message is one sentence saying what to set; it never contains a password.
     */
    public static class Refused extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }
}
