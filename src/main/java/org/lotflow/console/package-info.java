/**
 * The lotflow Console (issue #15): server-rendered pages at {@code /console/} beside Tasklist and Cockpit,
 * for the same users and rights. The lot list in FEFO order, a lot's page (its view, audit trail, lab results,
 * open tasks, holds, recalls, orders and the genealogy picture both ways), the recall board and a recall's
 * page; a hold and a recall started from a lot's page.
 *
 * <p>A web layer only: it reads and acts through the other modules' public APIs (the same services as
 * {@code /api}, refused the same way) and owns no table. Login: the Camunda webapps' session (its own login
 * page logs into that session) or HTTP Basic; every form carries a CSRF token.
 */
package org.lotflow.console;
