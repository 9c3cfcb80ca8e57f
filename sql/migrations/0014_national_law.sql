-- The law is national (issue 13, item 7): commendation forms, conferring authorities, reward coefficients and
-- base salaries carry no area, so an administrator of one district who could add or end them would change the
-- law for every district. From here they change only with a migration (or the installer's own connection, as a
-- superuser); the application role reads them. The time limits of the review steps (processing_limits) carry no
-- area either and follow the same rule. District data — council rules, decision series, rounds — stays per area.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

DROP POLICY admin_adds ON commendation_forms;
DROP POLICY admin_adds ON conferring_authorities;
DROP POLICY admin_adds ON reward_coefficients;
DROP POLICY admin_adds ON base_salaries;
DROP POLICY admin_ends ON conferring_authorities;
DROP POLICY admin_ends ON reward_coefficients;
DROP POLICY admin_ends ON base_salaries;
DROP POLICY admin_edits ON processing_limits;

RESET ROLE;
REVOKE INSERT, UPDATE ON thidua.commendation_forms, thidua.conferring_authorities, thidua.reward_coefficients,
    thidua.base_salaries, thidua.processing_limits FROM thidua_app;
