package org.lotflow.recall;

import java.util.List;

import org.springframework.stereotype.Component;

/** The multi-instance collection of {@code notifyCustomer}: {@code ${recallCustomers.ids(recallId)}}. */
@Component("recallCustomers")
public class RecallCustomers {

    private final RecallService recalls;

    public RecallCustomers(RecallService recalls) {
        this.recalls = recalls;
    }

    /** One notification id per affected customer. */
    public List<Long> ids(Long recallId) {
        return recalls.notificationIds(recallId);
    }
}
