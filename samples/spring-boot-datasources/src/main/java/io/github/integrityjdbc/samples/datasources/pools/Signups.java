package io.github.integrityjdbc.samples.datasources.pools;

import io.github.integrityjdbc.samples.datasources.Shop;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

/** Signs up several customers in one transaction of the primary DataSource (orders): all or none. */
@Service
public class Signups {

    private final DataSource orders;

    public Signups(@Qualifier("ordersDataSource") DataSource orders) {
        this.orders = orders;
    }

    /** Inserts each e-mail address with ids from {@code firstId} on; one violation rolls them all back. */
    @Transactional
    public void signUp(int firstId, String... emails) {
        signUpAged(firstId, 30, emails);
    }

    /** The same, with this age for each. */
    @Transactional
    public void signUpAged(int firstId, int age, String... emails) {
        for (int i = 0; i < emails.length; i++) {
            Shop.insert(orders, firstId + i, emails[i], age);
        }
    }
}
