INSERT INTO ij_fw_customer (id, email, name) VALUES (1, 'ada@example.com', 'Ada');
INSERT INTO ij_fw_customer (id, email, name) VALUES (2, 'grace@example.com', 'Grace');
