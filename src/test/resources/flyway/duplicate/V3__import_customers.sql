-- A data migration that meets a row already there: the e-mail of customer 1 again.
INSERT INTO ij_fw_customer (id, email, name) VALUES (3, 'ada@example.com', 'Ada Twin');
