package io.github.integrityjdbc.vendors;

/**
 * The MariaDB contract with the server speaking German ({@code lc_messages=de_DE}): {@code Doppelter Eintrag 'a@x'
 * für Schlüssel 'uq'}, {@code Feld 'name' darf nicht NULL sein}. The same facts as in English: they are read by
 * vendor code and by where the quoted names stand.
 */
class MariaDbGermanMatrixTest extends MariaDbMatrixTest {

    @Override
    protected String url() {
        return super.url() + "&sessionVariables=lc_messages=de_DE";
    }
}
