CREATE TABLE ij_fw_customer (
    id INT NOT NULL PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    name VARCHAR(50) NOT NULL,
    CONSTRAINT uq_ij_fw_customer_email UNIQUE (email)
);
