CREATE TABLE customer (
    id    INT PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    name  VARCHAR(50)  NOT NULL,
    CONSTRAINT uq_customer_email UNIQUE (email)
);
CREATE TABLE purchase_order (
    id          INT PRIMARY KEY,
    customer_id INT NOT NULL,
    CONSTRAINT fk_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
