package org.lotflow.security;

import org.lotflow.shared.NotPermitted;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting on this thread: the identity Camunda's identity service holds, set by the
 * {@code /api} and {@code /engine-rest} filters, by the webapps, or absent for the job executor.
 */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;
    private final CredentialCache cache;
    private final org.springframework.beans.factory.ObjectProvider<SecurityEvents> events;
    private final org.springframework.beans.factory.ObjectProvider<PasswordAging> aging;

    public CurrentUser(IdentityService identityService, CredentialCache cache,
            org.springframework.beans.factory.ObjectProvider<SecurityEvents> events,
            org.springframework.beans.factory.ObjectProvider<PasswordAging> aging) {
        this.identityService = identityService;
        this.cache = cache;
        this.events = events;
        this.aging = aging;
    }

    /**
     * Refuses (403) when the user's password was last set by someone else, or when an administrator set it and no
     * other administrator has confirmed the user's identity since they set their own ({@link OwnPassword}): they sign
     * or record quality work only then; and when it has expired ({@link PasswordAging}, 21 CFR 11.300(b)): an
     * electronic signature or a record with an expired password is refused.
     */
    public void requireOwnPassword() {
        String why = standing(id());
        if (why != null) {
            throw new NotPermitted(why);
        }
    }

    /** Why {@code userId} may not sign or record now ({@link #requireOwnPassword}), or null: one trail read. */
    String standing(String userId) {
        java.util.List<SecurityEvent> history = events.getObject().passwordHistory(userId);
        String why = OwnPassword.refusal(userId, history);
        PasswordAging passwords = aging.getIfAvailable();
        return why != null || passwords == null ? why : passwords.refusal(userId, history);
    }

    /** The acting user's id, or {@value #SYSTEM} when the engine itself acts (timers, jobs). */
    public String id() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getUserId() == null ? SYSTEM : auth.getUserId();
    }

    public boolean isAuthenticated() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null;
    }

    public List<String> groups() {
        Authentication auth = identityService.getCurrentAuthentication();
        return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    }

    public boolean isInAnyGroup(String... groupIds) {
        List<String> mine = groups();
        return mine.contains(Groups.ADMIN) || Arrays.stream(groupIds).anyMatch(mine::contains);
    }

    /**
     * Whether the user is a member of one of the groups in their own right: administrating lotflow ({@link
     * Groups#ADMIN}) does not count. For the quality records a role makes in its own name and the signatures it gives
     * (lab results, investigations, release, OOS and disposition decisions, FEFO overrides): EU GMP Annex 11 §12.1
     * and 21 CFR 11.10(g) ask that only authorised individuals make them, and an IT administrator is not a QA
     * manager (audit finding, 2026-12-05).
     */
    public boolean isMemberOfAny(String... groupIds) {
        List<String> mine = groups();
        return Arrays.stream(groupIds).anyMatch(mine::contains);
    }

    /**
     * Refuses with 403 unless the user is a member of one of the groups in their own right ({@link #isMemberOfAny}),
     * at login and in the identity store now ({@link #requireSigningMembership}): administrators are not exempt; and
     * unless their password is their own ({@link #requireOwnPassword}).
     *
     * @param work what is refused, for the sentence, e.g. "sign a release decision"
     */
    public void requireMember(String work, String... groupIds) {
        requireSigningMembership(work, groupIds);
        requireOwnPassword();
    }

    /**
     * The membership half of {@link #requireMember}, without the password's: for the API's gate before the body is
     * read ({@link AllowedGroupsInterceptor}), whose service then checks both, and for signings, whose
     * {@link ElectronicSignatures#sign} checks the password (one trail lookup per request, not two).
     */
    public void requireMembership(String work, String... groupIds) {
        if (!isMemberOfAny(groupIds)) {
            String who = String.join(" or ", Arrays.stream(groupIds).map(Groups::displayName).toList());
            String admin = groups().contains(Groups.ADMIN)
                    ? " (administering lotflow does not make one a member of its roles)" : "";
            throw new NotPermitted("Only " + who + " may " + work + "; " + id() + " is not one" + admin);
        }
    }

    /**
     * {@link #requireMembership} for a signature or a record made in one's own name, checked against the identity
     * store as it is now, not only against the groups read at login: a Tasklist session keeps its groups for up to
     * {@code camunda.bpm.webapp.auth.cache.time-to-live}, and someone removed from a group meanwhile must not sign
     * in its name (auditor 2026-12-05 F22; 21 CFR 11.10(g) authority checks). One identity read per signing.
     */
    public void requireSigningMembership(String work, String... groupIds) {
        requireMembership(work, groupIds);
        String userId = id();
        long now = privileged(() -> identityService.createGroupQuery().groupMember(userId).groupIdIn(groupIds)
                .count());
        if (now == 0) {
            String who = String.join(" or ", Arrays.stream(groupIds).map(Groups::displayName).toList());
            throw new NotPermitted("Only " + who + " may " + work + "; " + userId + " is no longer one (removed from"
                    + " the group since logging in)");
        }
    }

    /**
     * For a record made in the user's name (a hold, a recall, a lot, a product and its specification, an order, a
     * shipment...): refused (403) unless the user is a member of one of the groups in their own right (administering
     * lotflow does not make one a member of its roles: an IT administrator neither opens recalls nor sets acceptance
     * criteria nor ships; auditor 2026-12-06 B6; EU GMP Annex 11 §12.1, 21 CFR 11.10(g)), and while their password is
     * one someone else set ({@link #requireOwnPassword}; auditor 2026-12-05 B10, C6). The groups are the session's
     * (no identity read: a record, not a signature, {@link #requireSigningMembership}).
     *
     * @param work what is refused, for the sentence, e.g. "open a recall"
     */
    public void requireToRecord(String work, String... groupIds) {
        requireMembership(work, groupIds);
        requireOwnPassword();
    }

    /** Refuses with 403 unless the user belongs to one of the groups (administrators always may). */
    public void require(String... groupIds) {
        if (!isInAnyGroup(groupIds)) {
            // the groups by their names, as the other refusals give them (re-test 2026-12-06 R12: "[qa-manager]")
            // administrators once, not "QA managers or administrators (and administrators)" (auditor 2026-12-06 B8)
            List<String> roles = Arrays.stream(groupIds).filter(g -> !Groups.ADMIN.equals(g)).map(Groups::displayName)
                    .toList();
            throw new NotPermitted("Only " + (roles.isEmpty() ? "administrators" : String.join(" or ", roles)
                    + " (and administrators)") + " may do this; " + id() + " is not one");
        }
    }

    /**
     * The full name of a user for history entries ("Jennifer Lee"), or the id if unknown: read from the
     * identity store once per transaction, and kept as long as a verified login
     * ({@code lotflow.security.credential-cache}, forgotten at any identity change on this node). An
     * order's allocation no longer costs an identity query per request (issue #11). Signatures use
     * {@link #signedName}.
     */
    public String fullName(String userId) {
        if (userId == null || SYSTEM.equals(userId)) {
            return "lotflow";
        }
        // read once per transaction: a recall or an expiry run records thousands of events by one user
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            return namesOfThisTransaction().computeIfAbsent(userId, this::keptOrReadFullName);
        }
        return keptOrReadFullName(userId);
    }

    /**
     * A person as lotflow's pages, forms and reports name who did something: {@code Full Name (id)}, "Jennifer Lee
     * (jennifer)"; {@code lotflow} for lotflow's own steps; the id alone when the identity store knows no name for it.
     * Read as {@link #fullName} reads names.
     */
    public String nameWithId(String userId) {
        return withId(fullName(userId), userId);
    }

    /** {@code full (userId)}; the id alone without a name; a name that is the id, or lotflow's, alone. */
    static String withId(String full, String userId) {
        if (full == null || full.isBlank() || full.equals(userId) || "lotflow".equals(full)) {
            return full == null || full.isBlank() ? userId : full;
        }
        return full + " (" + userId + ")";
    }

    /**
     * Every user as {@link #nameWithId} names them (id -> "Jennifer Lee (jennifer)"), and {@code system} as
     * {@code lotflow}: the Console's report tables name the people of their "... by" columns so (a plant has tens or
     * hundreds of users; read once per page).
     */
    public java.util.Map<String, String> everyoneWithIds() {
        java.util.Map<String, String> names = new java.util.TreeMap<>();
        for (User u : privileged(() -> identityService.createUserQuery().list())) {
            names.put(u.getId(), withId(printedName(u.getFirstName(), u.getLastName()), u.getId()));
        }
        names.put(SYSTEM, "lotflow");
        return names;
    }

    /**
     * The printed name of an electronic signature (21 CFR 11.50(a)(1)), always read from the identity store
     * at the signing, never from a cache: a renamed user signs with the new name at once, on every node.
     */
    public String signedName(String userId) {
        if (userId == null || SYSTEM.equals(userId)) {
            return "lotflow";
        }
        return readFullName(userId);
    }

    private String keptOrReadFullName(String userId) {
        String kept = cache.knownName(userId);
        if (kept != null) {
            return kept;
        }
        long generation = cache.generation();
        String read = readFullName(userId);
        cache.rememberName(generation, userId, read);
        return read;
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, String> namesOfThisTransaction() {
        java.util.Map<String, String> names = (java.util.Map<String, String>)
                org.springframework.transaction.support.TransactionSynchronizationManager.getResource(NAMES_KEY);
        if (names == null) {
            java.util.Map<String, String> fresh = new java.util.HashMap<>();
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(NAMES_KEY, fresh);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .unbindResourceIfPossible(NAMES_KEY);
                        }
                    });
            names = fresh;
        }
        return names;
    }

    /** The key of the per-transaction name memo among the transaction's resources. */
    private static final Object NAMES_KEY = new Object();

    private String readFullName(String userId) {
        User user = privileged(() -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = printedName(user.getFirstName(), user.getLastName());
        return name.isEmpty() ? userId : name;
    }

    /** A person's name as signatures print it: first and last name, either may be missing ("" for none). */
    public static String printedName(String firstName, String lastName) {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    /** Checks a user's password against the identity store (electronic signatures). */
    public boolean checkPassword(String userId, String password) {
        return password != null && !password.isEmpty()
                && privileged(() -> identityService.checkPassword(userId, password));
    }

    /**
     * Runs a lookup of the identity store without the caller's authorization checks, restoring
     * the caller's identity afterwards. Used only for reading names and checking signatures.
     */
    private <T> T privileged(Supplier<T> action) {
        return new org.lotflow.shared.process.WithoutCallerAuthorization(identityService).call(action);
    }
}
