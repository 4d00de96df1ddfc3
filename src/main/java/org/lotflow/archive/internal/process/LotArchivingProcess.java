package org.lotflow.archive.internal.process;

import org.lotflow.shared.process.Variable;

/**
 * The names of {@code lotArchiving}: the process, its review task, the run's counts and routing flags (written by
 * lotflow's delegates and listener) and the review form's three inputs. Which lots and who come from lotflow's
 * tables and the login, never from variables.
 */
public final class LotArchivingProcess {

    public static final String PROCESS_KEY = "lotArchiving";
    public static final String TASK_REVIEW = "reviewArchiving";

    /** How many lots are past their retention (for the operator). */
    public static final Variable<Integer> ARCHIVABLE_COUNT = Variable.integer("archivableCount");
    /** Routing flag: lots are past retention and no earlier review is open. */
    public static final Variable<Boolean> REVIEW_NEEDED = Variable.bool("reviewNeeded");
    /** Routing flag, set from the recorded decision: ARCHIVE (true) or KEEP (false). */
    public static final Variable<Boolean> ARCHIVE_CONFIRMED = Variable.bool("archiveConfirmed");
    /** How many lots the run archived. */
    public static final Variable<Integer> ARCHIVED_COUNT = Variable.integer("archivedCount");

    /** Form input: ARCHIVE or KEEP (required). */
    public static final String DECISION = "decision";
    /** Form input: listed lot numbers to keep (optional). */
    public static final String EXCLUDED_LOTS = "excludedLots";
    /** Form input: the reason (required). */
    public static final String COMMENT = "comment";

    private LotArchivingProcess() {
    }
}
