package io.github.integrityjdbc.vendors;

/**
 * The MariaDB contract with the server speaking French ({@code lc_messages=fr_FR}): {@code Duplicata du champ 'a@x'
 * pour la clef 'uq'}, {@code Le champ 'name' ne peut être vide (null)}; the same facts as in English.
 */
class MariaDbFrenchMatrixTest extends MariaDbMatrixTest {

    @Override
    protected String url() {
        return super.url() + "&sessionVariables=lc_messages=fr_FR";
    }
}
