-- The application role lost its UPDATE on users.password_hash (issue 13, item 4): 0002 says the hash is
-- "never granted to the application", yet 0006 granted it, and an UPDATE of the hash alone changes nothing the
-- audit trail records (the trigger leaves the hash out), so a password could be replaced without a trace. A
-- password now changes only through thidua.change_password (0008, a definer function that proves the old one,
-- bumps the version — an audited change — and ends the other sessions).
REVOKE UPDATE (password_hash) ON thidua.users FROM thidua_app;
